using System.Text.Json.Nodes;

namespace AsyncTestTemplates.Tests.Authoring;

/// <summary>The localizer: templatestrings.en.json from template.json, translations kept, staleness caught.</summary>
public sealed class LocalizationTests
{
    private const string EnglishFile = "templates/a/.template.config/localize/templatestrings.en.json";

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_English_file_follows_the_Authoring_Tasks_key_scheme()
    {
        using var pack = new DraftPack("a");
        pack.Single.PostAction(0)["manualInstructions"]!.AsArray().Add(new JsonObject { ["id"] = "ide", ["text"] = "Restore in the IDE" });

        Assert.Empty(await pack.LocalizeAsync(checkOnly: false, CancellationToken));

        var written = await File.ReadAllTextAsync(pack.PathOf(pack.Single, ".template.config", "localize", "templatestrings.en.json"), CancellationToken);
        Assert.Equal("""
            {
              "author": "Tests",
              "name": "Draft a",
              "symbols/runner/displayName": "Test runner",
              "symbols/runner/description": "Which runner 'dotnet test' uses.",
              "symbols/runner/choices/auto/displayName": "Follow the repository",
              "symbols/runner/choices/auto/description": "As global.json says.",
              "symbols/runner/choices/vstest/displayName": "VSTest",
              "symbols/runner/choices/vstest/description": "Always VSTest.",
              "symbols/testTimeout/displayName": "Test timeout (seconds)",
              "symbols/testTimeout/description": "The per-test timeout.",
              "postActions/restore/description": "Restore NuGet packages.",
              "postActions/restore/manualInstructions/default/text": "Run 'dotnet restore'",
              "postActions/restore/manualInstructions/ide/text": "Restore in the IDE"
            }

            """, written);
        Assert.Empty(await pack.LocalizeAsync(checkOnly: true, CancellationToken));
    }

    [Fact]
    public async Task A_missing_English_file_fails_the_check()
    {
        using var pack = new DraftPack("a");

        Assert.Equal(
            [$"{EnglishFile} : Template configuration error ATT0013: 'templatestrings.en.json' is missing: run 'dotnet run --project build/TemplateAuthoring -- localize templates' and commit the result."],
            await pack.LocalizeAsync(checkOnly: true, CancellationToken));
    }

    [Fact]
    public async Task An_English_file_older_than_template_json_fails_the_check_until_regenerated()
    {
        using var pack = new DraftPack("a");
        Assert.Empty(await pack.LocalizeAsync(checkOnly: false, CancellationToken));
        pack.Single.Symbol("testTimeout")["description"] = "The per-test timeout, in seconds.";

        Assert.Equal(
            [$"{EnglishFile} : Template configuration error ATT0013: 'templatestrings.en.json' is out of date: run 'dotnet run --project build/TemplateAuthoring -- localize templates' and commit the result."],
            await pack.LocalizeAsync(checkOnly: true, CancellationToken));

        Assert.Empty(await pack.LocalizeAsync(checkOnly: false, CancellationToken));
        Assert.Empty(await pack.LocalizeAsync(checkOnly: true, CancellationToken));
    }

    [Fact]
    public async Task Translations_are_kept_and_their_obsolete_keys_reported()
    {
        using var pack = new DraftPack("a");
        pack.Single.Localizations["de"] = new JsonObject
        {
            ["name"] = "Entwurf a",
            ["symbols/retries/description"] = "Wie oft wiederholt wird.",
        };
        await pack.WriteAsync(CancellationToken);
        var german = pack.PathOf(pack.Single, ".template.config", "localize", "templatestrings.de.json");
        var before = await File.ReadAllTextAsync(german, CancellationToken);

        Assert.Equal(
            ["templates/a/.template.config/localize/templatestrings.de.json : Template configuration warning ATT0014: 'templatestrings.de.json' translates 'symbols/retries/description', which template.json no longer has."],
            await pack.LocalizeAsync(checkOnly: false, CancellationToken));
        Assert.Equal(before, await File.ReadAllTextAsync(german, CancellationToken));
    }
}
