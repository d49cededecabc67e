using System.Text.Json.Nodes;
using AsyncTestTemplates.Authoring.Packaging;

namespace AsyncTestTemplates.Authoring.Tests.Validation;

/// <summary>
/// An option several templates share is written once, in templates/_options/ (symbol, host entries,
/// strings), and merged into each template that lists it: the validator sees the merged template, the
/// package gets it, and its strings are translated once.
/// </summary>
public sealed class SharedOptionsTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_shared_option_is_validated_as_part_of_each_template_that_lists_it()
    {
        using var pack = new DraftPack("a", "b");
        pack.Share("testTimeout");

        Assert.Empty(await pack.ValidateAsync(CancellationToken));
        Assert.Null(pack.Templates[0].Template["symbols"]!["testTimeout"]);
        Assert.Equal(["testTimeout"], pack.Templates[1].Template["$sharedSymbols"]!.AsArray().Select(n => (string?)n));

        // A flaw written once in the shared definition is the flaw of every template that takes it.
        pack.Shared!.Template["symbols"]!["testTimeout"]!.AsObject().Remove("description");
        Assert.Equal(
            [
                "templates/a/.template.config/template.json : Template configuration error TPL0001: Parameter 'testTimeout' has no 'description'.",
                "templates/b/.template.config/template.json : Template configuration error TPL0001: Parameter 'testTimeout' has no 'description'.",
            ],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task Listing_a_symbol_the_shared_options_do_not_define_is_TPL0023()
    {
        using var pack = new DraftPack("a");
        pack.Share("testTimeout");
        pack.Single.Template["$sharedSymbols"]!.AsArray().Add("retries");

        Assert.Equal(
            ["templates/a/.template.config/template.json : Template configuration error TPL0023: '$sharedSymbols' lists 'retries', which _options/symbols.json does not define."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task Defining_a_symbol_that_is_also_taken_from_the_shared_options_is_TPL0024()
    {
        using var pack = new DraftPack("a");
        pack.Share("testTimeout");
        pack.Single.Template["symbols"]!["testTimeout"] = pack.Shared!.Template["symbols"]!["testTimeout"]!.DeepClone();

        Assert.Equal(
            ["templates/a/.template.config/template.json : Template configuration error TPL0024: Symbol 'testTimeout' is defined here and also taken from _options/symbols.json: define it in one place."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task The_package_gets_each_template_with_its_shared_options_merged_in_and_no_options_folder()
    {
        using var pack = new DraftPack("a", "b");
        pack.Share("testTimeout");
        await pack.TranslateAllAsync(CancellationToken);
        var destination = Path.Combine(pack.TemplatesRoot, "..", "staged");

        Assert.Empty(await TemplateStager.StageAsync(pack.TemplatesRoot, destination, pack.VersionsFile, "1.0.0-test.1", CancellationToken));

        foreach (var name in (string[])["a", "b"])
        {
            var config = Path.Combine(destination, name, ".template.config");
            var template = await ReadAsync(Path.Combine(config, "template.json"));
            Assert.Null(template["$sharedSymbols"]);
            Assert.Equal("integer", (string?)template["symbols"]!["testTimeout"]!["datatype"]);
            Assert.NotNull(template["symbols"]!["runner"]);
            Assert.Equal("test-timeout", (string?)(await ReadAsync(Path.Combine(config, "dotnetcli.host.json")))["symbolInfo"]!["testTimeout"]!["longName"]);
            Assert.Contains((await ReadAsync(Path.Combine(config, "ide.host.json")))["symbolInfo"]!.AsArray(), entry => (string?)entry!["id"] == "testTimeout");
            var german = await ReadAsync(Path.Combine(config, "localize", "templatestrings.de.json"));
            Assert.StartsWith("[de] ", (string?)german["symbols/testTimeout/description"], StringComparison.Ordinal);
            Assert.StartsWith("[de] ", (string?)german["symbols/runner/description"], StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Path.Combine(destination, "_options")));
    }

    [Fact]
    public async Task A_shared_option_s_strings_live_once_and_go_stale_once()
    {
        using var pack = new DraftPack("a", "b");
        pack.Share("testTimeout");
        await pack.TranslateAllAsync(CancellationToken);
        var english = await ReadAsync(pack.SharedPath("localize", "templatestrings.en.json"));
        var ownEnglish = await ReadAsync(pack.PathOf(pack.Templates[0], ".template.config", "localize", "templatestrings.en.json"));

        Assert.Equal(["symbols/testTimeout/displayName", "symbols/testTimeout/description"], english.Select(m => m.Key));
        Assert.DoesNotContain(ownEnglish, m => m.Key.StartsWith("symbols/testTimeout/", StringComparison.Ordinal));
        Assert.Empty(await pack.LocalizeAsync(checkOnly: true, CancellationToken));

        pack.Shared!.Template["symbols"]!["testTimeout"]!["description"] = "The per-test timeout, in seconds.";
        await pack.LocalizeAsync(checkOnly: false, CancellationToken);
        var findings = await pack.LocalizeAsync(checkOnly: true, CancellationToken);

        // One stale key per culture, in the shared file, not one per template.
        Assert.Equal(13, findings.Count);
        Assert.All(findings, finding => Assert.StartsWith("templates/_options/localize/templatestrings.", finding, StringComparison.Ordinal));
        Assert.Contains(findings, finding => finding.Contains("TPL0022: de: 'symbols/testTimeout/description' is stale", StringComparison.Ordinal));
    }

    private static async Task<JsonObject> ReadAsync(string path) =>
        JsonNode.Parse(await File.ReadAllTextAsync(path, CancellationToken))!.AsObject();
}
