using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsyncTestTemplates.Authoring.Localization;
using AsyncTestTemplates.Authoring.Packaging;

namespace AsyncTestTemplates.Authoring.Tests.Localization;

/// <summary>The localizer: templatestrings.en.json from template.json; every culture of the pack present, complete and translated from the current English.</summary>
public sealed partial class LocalizationTests
{
    private const string EnglishFile = "templates/a/.template.config/localize/templatestrings.en.json";

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_English_file_follows_the_Authoring_Tasks_key_scheme()
    {
        using var pack = new DraftPack("a");
        pack.Single.PostAction(0)["manualInstructions"]!.AsArray().Add(new JsonObject { ["id"] = "ide", ["text"] = "Restore in the IDE" });

        Assert.Empty(English(await pack.LocalizeAsync(checkOnly: false, CancellationToken)));

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
        Assert.Empty(English(await pack.LocalizeAsync(checkOnly: true, CancellationToken)));
    }

    [Fact]
    public async Task A_missing_English_file_fails_the_check()
    {
        using var pack = new DraftPack("a");

        Assert.Equal(
            [$"{EnglishFile} : Template configuration error TPL0013: 'templatestrings.en.json' is missing: run 'dotnet run --project tools/TemplateAuthoring -- localize templates' and commit the result."],
            English(await pack.LocalizeAsync(checkOnly: true, CancellationToken)));
    }

    [Fact]
    public async Task An_English_file_older_than_template_json_fails_the_check_until_regenerated()
    {
        using var pack = new DraftPack("a");
        await pack.TranslateAllAsync(CancellationToken);
        Assert.Empty(await pack.LocalizeAsync(checkOnly: true, CancellationToken));
        pack.Single.Symbol("testTimeout")["description"] = "The per-test timeout, in seconds.";

        Assert.Equal(
            [$"{EnglishFile} : Template configuration error TPL0013: 'templatestrings.en.json' is out of date: run 'dotnet run --project tools/TemplateAuthoring -- localize templates' and commit the result."],
            English(await pack.LocalizeAsync(checkOnly: true, CancellationToken)));

        Assert.Empty(English(await pack.LocalizeAsync(checkOnly: false, CancellationToken)));
        Assert.Empty(English(await pack.LocalizeAsync(checkOnly: true, CancellationToken)));
    }

    [Fact]
    public async Task A_fully_translated_pack_passes_and_its_record_is_never_packed()
    {
        using var pack = new DraftPack("a");
        await pack.TranslateAllAsync(CancellationToken);

        Assert.Empty(await pack.LocalizeAsync(checkOnly: true, CancellationToken));
        var record = DraftTemplate.Parse(await File.ReadAllTextAsync(pack.PathOf(pack.Single, ".template.config", "localize", "translated-from.json"), CancellationToken));
        Assert.Equal(["cs", "de", "es", "fr", "it", "ja", "ko", "pl", "pt-BR", "ru", "tr", "zh-Hans", "zh-Hant"], record.Select(c => c.Key));
        Assert.Equal(TranslationRecord.Hash("The per-test timeout."), record["ja"]!["symbols/testTimeout/description"]!.GetValue<string>());

        var staged = Path.Combine(pack.TemplatesRoot, "..", "staged");
        Assert.Empty(await TemplateStager.StageAsync(pack.TemplatesRoot, staged, pack.VersionsFile, "1.0.0", CancellationToken));
        Assert.True(File.Exists(Path.Combine(staged, "a", ".template.config", "localize", "templatestrings.ja.json")));
        Assert.Empty(Directory.GetFiles(staged, "translated-from.json", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Each_missing_culture_and_a_culture_the_pack_does_not_ship_are_named()
    {
        using var pack = new DraftPack("a");
        await pack.TranslateAllAsync(CancellationToken);
        File.Delete(pack.PathOf(pack.Single, ".template.config", "localize", "templatestrings.pt-BR.json"));
        pack.Single.Localizations.Remove("pt-BR");
        pack.Single.Localizations["zh-CN"] = pack.Single.Localizations["zh-Hans"].DeepClone().AsObject();

        Assert.Equal(
            [
                "templates/a/.template.config/localize/templatestrings.pt-BR.json : Template configuration error TPL0020: 'templatestrings.pt-BR.json' is missing (pt-BR): every template ships cs, de, en, es, fr, it, ja, ko, pl, pt-BR, ru, tr, zh-Hans, zh-Hant. Translate 'templatestrings.en.json' into it, then run 'dotnet run --project tools/TemplateAuthoring -- localize templates --translated pt-BR'.",
                "templates/a/.template.config/localize/templatestrings.zh-CN.json : Template configuration error TPL0020: 'templatestrings.zh-CN.json' is for zh-CN, a culture the pack does not ship (it ships cs, de, en, es, fr, it, ja, ko, pl, pt-BR, ru, tr, zh-Hans, zh-Hant): rename or delete it.",
            ],
            await pack.LocalizeAsync(checkOnly: true, CancellationToken));
    }

    [Fact]
    public async Task A_missing_key_an_extra_key_and_an_unrecorded_translation_are_named_with_their_culture()
    {
        using var pack = new DraftPack("a");
        await pack.TranslateAllAsync(CancellationToken);
        var french = pack.Single.Localizations["fr"];
        french.Remove("symbols/runner/choices/vstest/description");
        french["symbols/retries/description"] = "Combien de nouvelles tentatives.";
        // A key translated by hand but never recorded: nobody can tell which English text it was made from.
        var record = pack.PathOf(pack.Single, ".template.config", "localize", "translated-from.json");
        var json = DraftTemplate.Parse(await File.ReadAllTextAsync(record, CancellationToken));
        json["ko"]!.AsObject().Remove("name");
        await File.WriteAllTextAsync(record, json.ToJsonString(), CancellationToken);
        var before = await File.ReadAllTextAsync(pack.PathOf(pack.Single, ".template.config", "localize", "templatestrings.ko.json"), CancellationToken);

        Assert.Equal(
            [
                "templates/a/.template.config/localize/templatestrings.fr.json : Template configuration error TPL0021: fr: 'templatestrings.fr.json' has no 'symbols/runner/choices/vstest/description' (English: \"Always VSTest.\"): translate it, then run 'dotnet run --project tools/TemplateAuthoring -- localize templates --translated fr'.",
                "templates/a/.template.config/localize/templatestrings.fr.json : Template configuration error TPL0014: fr: 'templatestrings.fr.json' translates 'symbols/retries/description', which template.json no longer has: delete it.",
                "templates/a/.template.config/localize/templatestrings.ko.json : Template configuration error TPL0022: ko: 'name' is not recorded as translated in 'translated-from.json' (English: \"Draft a\"): check the translation, then run 'dotnet run --project tools/TemplateAuthoring -- localize templates --translated ko'.",
            ],
            await pack.LocalizeAsync(checkOnly: false, CancellationToken));
        // Regenerating the English file never rewrites a translation.
        Assert.Equal(before, await File.ReadAllTextAsync(pack.PathOf(pack.Single, ".template.config", "localize", "templatestrings.ko.json"), CancellationToken));
    }

    [Fact]
    public async Task A_changed_English_string_is_stale_in_every_culture_until_each_is_updated_and_recorded()
    {
        using var pack = new DraftPack("a");
        await pack.TranslateAllAsync(CancellationToken);
        pack.Single.Symbol("testTimeout")["description"] = "The per-test timeout in seconds (1 to 86400).";
        pack.Single.Symbol("runner")["displayName"] = "Runner";

        var findings = await pack.LocalizeAsync(checkOnly: false, CancellationToken);

        Assert.Equal(2 * 13, findings.Count);
        Assert.Equal(
            "templates/a/.template.config/localize/templatestrings.de.json : Template configuration error TPL0022: de: 'symbols/testTimeout/description' is stale: its English text changed since it was translated (now: \"The per-test timeout in seconds (1 to 86400).\"): update the translation, then run 'dotnet run --project tools/TemplateAuthoring -- localize templates --translated de'.",
            Assert.Single(findings, f => f.Contains("templatestrings.de.json", StringComparison.Ordinal) && f.Contains("testTimeout", StringComparison.Ordinal)));
        Assert.Equal(Localizer.TranslatedCultures.SelectMany(c => new[] { $"{c}: 'symbols/runner/displayName'", $"{c}: 'symbols/testTimeout/description'" }).Order(),
            findings.Select(f => Culture().Match(f).Value).Order());

        // The translators' worklist (localize --worklist de,ja): culture, template, key, state, today's English.
        Assert.Equal(
            [
                "de\ta\tsymbols/runner/displayName\tstale\tRunner",
                "de\ta\tsymbols/testTimeout/description\tstale\tThe per-test timeout in seconds (1 to 86400).",
                "ja\ta\tsymbols/runner/displayName\tstale\tRunner",
                "ja\ta\tsymbols/testTimeout/description\tstale\tThe per-test timeout in seconds (1 to 86400).",
            ],
            (await Localizer.WorklistAsync(pack.TemplatesRoot, ["de", "ja"], CancellationToken)).Select(gap => gap.ToString()));

        // The German translator updates one key and records just that one: the other stays stale, in German too.
        pack.Single.Localizations["de"]["symbols/testTimeout/description"] = "Das Timeout pro Test in Sekunden (1 bis 86400).";
        var (recorded, after) = await pack.RecordTranslatedAsync(["de"], ["symbols/testTimeout/description"], CancellationToken);

        Assert.Equal(1, recorded);
        Assert.Equal(2 * 13 - 1, after.Count);
        Assert.DoesNotContain(after, f => f.Contains("de: 'symbols/testTimeout/description'", StringComparison.Ordinal));
        Assert.Contains(after, f => f.Contains("de: 'symbols/runner/displayName' is stale", StringComparison.Ordinal));

        // Then the whole of German: only the other cultures remain.
        pack.Single.Localizations["de"]["symbols/runner/displayName"] = "Runner";
        (recorded, after) = await pack.RecordTranslatedAsync(["de"], [], CancellationToken);
        Assert.Equal(1, recorded);
        Assert.Equal(2 * 12, after.Count);
        Assert.DoesNotContain(after, f => f.Contains("templatestrings.de.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_worklist_with_a_translation_column_applied_updates_and_records_just_those_keys()
    {
        using var pack = new DraftPack("a");
        await pack.TranslateAllAsync(CancellationToken);
        pack.Single.Symbol("testTimeout")["description"] = "The per-test timeout in seconds (1 to 86400).";
        pack.Single.Localizations["de"]["symbols/retries/description"] = "Wie oft wiederholt wird.";
        await pack.LocalizeAsync(checkOnly: false, CancellationToken);
        var worklist = (await Localizer.WorklistAsync(pack.TemplatesRoot, ["de", "ja"], CancellationToken)).Select(gap => gap.ToString()).ToList();
        Assert.Equal(3, worklist.Count);

        // German done (the obsolete key with an empty translation is deleted), Japanese left for later.
        var file = Path.Combine(pack.TemplatesRoot, "..", "worklist.tsv");
        await File.WriteAllLinesAsync(file, worklist.Select(line => line.StartsWith("de\t", StringComparison.Ordinal)
            ? line + "\t" + (line.Contains("retries", StringComparison.Ordinal) ? "" : "Das Timeout pro Test in Sekunden (1 bis 86400).")
            : line), CancellationToken);
        var (applied, findings) = await TranslationImport.ApplyAsync(pack.TemplatesRoot, file, CancellationToken);

        Assert.Equal(2, applied);
        Assert.DoesNotContain(findings, f => f.File.EndsWith("templatestrings.de.json", StringComparison.Ordinal));
        Assert.Equal(12, findings.Count);
        var german = DraftTemplate.Parse(await File.ReadAllTextAsync(pack.PathOf(pack.Single, ".template.config", "localize", "templatestrings.de.json"), CancellationToken));
        Assert.Equal("Das Timeout pro Test in Sekunden (1 bis 86400).", german["symbols/testTimeout/description"]!.GetValue<string>());
        Assert.False(german.ContainsKey("symbols/retries/description"));
        Assert.Equal("[de] Test runner", german["symbols/runner/displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Recording_a_culture_the_pack_does_not_ship_is_refused()
    {
        using var pack = new DraftPack("a");
        await pack.TranslateAllAsync(CancellationToken);

        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => pack.RecordTranslatedAsync(["zh-CN"], [], CancellationToken));
        Assert.StartsWith("Not a translated culture of the pack: zh-CN", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>The findings about the English file (a draft has no translations unless a test makes them).</summary>
    private static IReadOnlyList<string> English(IReadOnlyList<string> findings) =>
        findings.Where(f => f.StartsWith(EnglishFile + " ", StringComparison.Ordinal)).ToList();

    [GeneratedRegex(@"(?<=TPL0022: )[^:]+: '[^']+'")]
    private static partial Regex Culture();
}
