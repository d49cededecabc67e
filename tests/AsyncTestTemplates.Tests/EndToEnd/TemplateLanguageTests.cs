using System.Text.Json.Nodes;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// `dotnet new --help` speaks the user's language: under DOTNET_CLI_UI_LANGUAGE the installed pack
/// shows the template's name and its options' descriptions from that culture's templatestrings file,
/// as the SDK's own templates do (the IDEs read the same files).
/// </summary>
[Template("async-tests")]
public sealed class TemplateLanguageTests(TemplatePackage package)
{
    /// <summary>The UI language set, and the culture whose file the engine should read for it.</summary>
    private static readonly (string Language, string Culture)[] Languages =
    [
        ("de", "de"),
        ("ja", "ja"),
        ("zh-Hans", "zh-Hans"),
        // A region culture falls back to its parent: zh-CN reads zh-Hans (measured: so does de-AT → de; plain "zh" gets English).
        ("zh-CN", "zh-Hans"),
    ];

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Help_shows_the_template_name_and_the_test_timeout_description_in_the_CLI_language()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("help-language");
        var english = await StringsAsync("en", cancellationToken);

        // One process per language (a few seconds for the four); every other process the tests start gets DOTNET_CLI_UI_LANGUAGE=en (ProcessRunner).
        foreach (var (language, culture) in Languages)
        {
            var translated = await StringsAsync(culture, cancellationToken);
            var help = await package.NewAsync(root.Path, new Dictionary<string, string?> { ["DOTNET_CLI_UI_LANGUAGE"] = language }, cancellationToken, "async-tests", "--help");

            Assert.True(help.ExitCode == 0, help.ToString());
            // Help wraps long descriptions at the console width (with indentation), and Japanese and Chinese have no spaces to wrap at: compare without whitespace.
            var shown = WithoutWhitespace(help.StandardOutput);
            Assert.True(shown.Contains(WithoutWhitespace(translated["name"]), StringComparison.Ordinal), $"{language}: the name '{translated["name"]}' is not in --help:\n{help}");
            foreach (var key in (string[])["symbols/testTimeout/description", "symbols/hangTimeout/description"])
            {
                Assert.True(shown.Contains(WithoutWhitespace(translated[key]), StringComparison.Ordinal), $"{language}: '{key}' ({culture}: \"{translated[key]}\") is not in --help:\n{help}");
                Assert.False(shown.Contains(WithoutWhitespace(english[key]), StringComparison.Ordinal), $"{language}: '{key}' is shown in English:\n{help}");
            }

            // The option names stay as typed (RealTemplateTests checks every translation keeps the English text's names and numbers).
            Assert.Contains("--test-timeout", help.StandardOutput, StringComparison.Ordinal);
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> StringsAsync(string culture, CancellationToken cancellationToken)
    {
        // async-tests' own strings, and those of the shared options it takes (templates/_options/): the packed template has both.
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in (string[])[Path.Combine("project", "async-tests", ".template.config"), "_options"])
        {
            var path = Path.Combine(RepositoryPaths.Templates, folder, "localize", $"templatestrings.{culture}.json");
            foreach (var (key, value) in JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken))!.AsObject())
            {
                strings.Add(key, value!.GetValue<string>());
            }
        }

        return strings;
    }

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
