using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Localization;
using AsyncTestTemplates.Authoring.Validation;

namespace AsyncTestTemplates.Authoring.Tests.Validation;

/// <summary>This repository's templates pass every rule and carry current localization files in all fourteen cultures.</summary>
public sealed partial class RealTemplateTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_template_validates_without_any_finding()
    {
        var findings = await TemplateValidator.ValidateAsync(RepositoryPaths.Templates, RepositoryPaths.VersionsFile, CancellationToken);

        // The item templates name their file through a generated symbol that makes any name a valid
        // C# type name, deliberately instead of sourceName, and async-ci writes files whose names are
        // fixed (a workflow, two scripts): the engine's MV005 notes that, as info.
        Assert.Equal(
            TemplateCatalog.OtherThanProjectTemplates,
            findings.Where(f => f is { Severity: Severity.Info, Code: "MV005" }).Select(f => Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(f.File)))).Order());
        Assert.Empty(findings.Where(f => f is not { Severity: Severity.Info, Code: "MV005" }).Select(f => f.ToString()));
    }

    [Fact]
    public async Task Every_committed_localization_file_is_current_in_every_culture()
    {
        var findings = await Localizer.LocalizeAsync(RepositoryPaths.Templates, checkOnly: true, CancellationToken);

        Assert.Empty(findings.Select(f => f.ToString()));
    }

    /// <summary>
    /// What a translator must never translate or reformat: option names, numbers (86400 stays 86400),
    /// quoted commands and names, rule ids, file, type and member names. Every one the English text of
    /// a key has is in each culture's text of it.
    /// </summary>
    [Fact]
    public async Task Every_translation_keeps_the_English_texts_names_numbers_and_quoted_commands()
    {
        var missing = new List<string>();
        foreach (var localize in Directory.GetDirectories(RepositoryPaths.Templates, "localize", SearchOption.AllDirectories).Where(d => !d.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var english = await ReadStringsAsync(Path.Combine(localize, "templatestrings.en.json"));
            foreach (var culture in Localizer.TranslatedCultures)
            {
                var translated = await ReadStringsAsync(Path.Combine(localize, $"templatestrings.{culture}.json"));
                foreach (var (key, text) in english)
                {
                    missing.AddRange(Untranslatable().Matches(text).Select(m => m.Value.TrimEnd('.'))
                        .Where(token => token is not ("e.g" or "APIs") && !translated[key].Contains(token, StringComparison.Ordinal))
                        .Select(token => $"{Path.GetRelativePath(RepositoryPaths.Templates, localize)} {culture} {key}: {token}"));
                }
            }
        }

        // Every miss on its own line (template, culture, key: the token its translation lacks).
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    private static async Task<Dictionary<string, string>> ReadStringsAsync(string path) =>
        JsonNode.Parse(await File.ReadAllTextAsync(path, CancellationToken))!.AsObject().ToDictionary(m => m.Key, m => m.Value!.GetValue<string>());

    // --options, numbers, 'quoted', `backticked`, "quoted", <placeholders>, [Attributes], CamelCase and dotted names, rule ids.
    [GeneratedRegex("""(?<!\w)'[^'\s][^']*?'(?!\w)|`[^`]+`|"[^"]+"|--[a-z0-9-]+|<[^>]+>|\[[^\]]+\]|\b\d+\b|[\w.]*[A-Z][a-z0-9]+[A-Z][\w.<>]*|\b\w+\.\w+[\w./]*|\b[A-Z]{2,}[\w/]*|xunit v[23]|xUnit\d+""")]
    private static partial Regex Untranslatable();
}
