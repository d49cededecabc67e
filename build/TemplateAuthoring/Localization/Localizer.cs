using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Localization;

/// <summary>
/// Keeps <c>.template.config/localize/templatestrings.en.json</c> equal to what template.json says,
/// as Authoring.Tasks' LocalizeTemplates does. Translations (other cultures) are never rewritten:
/// they are the translators' work; keys they have that template.json no longer produces are reported.
/// </summary>
public static class Localizer
{
    public const string SourceCulture = "en";
    public const string StaleCode = "ATT0013";
    public const string ObsoleteKeyCode = "ATT0014";

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        // Readable apostrophes, quotes and non-ASCII text, as translators and reviewers see them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>Writes (or with <paramref name="checkOnly"/> compares) every template's source-culture file.</summary>
    public static async Task<IReadOnlyList<Finding>> LocalizeAsync(string templatesRoot, bool checkOnly, CancellationToken cancellationToken)
    {
        var (templates, findings) = await TemplateLoader.LoadAsync(templatesRoot, cancellationToken);
        var all = new List<Finding>(findings);
        foreach (var template in templates)
        {
            var strings = LocalizationKeys.Build(template);
            var path = Path.Combine(template.LocalizeDirectory, LocalizationFile.FileName(SourceCulture));
            var expected = Render(strings);
            var actual = File.Exists(path) ? (await File.ReadAllTextAsync(path, cancellationToken)).ReplaceLineEndings("\n") : null;
            if (actual != expected)
            {
                if (checkOnly)
                {
                    all.Add(Finding.Error(StaleCode,
                        $"'{LocalizationFile.FileName(SourceCulture)}' is {(actual is null ? "missing" : "out of date")}: run 'dotnet run --project build/TemplateAuthoring -- localize templates' and commit the result.",
                        path));
                }
                else
                {
                    Directory.CreateDirectory(template.LocalizeDirectory);
                    await File.WriteAllTextAsync(path, expected, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
                }
            }

            var keys = strings.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var translation in template.Localizations.Where(l => l.Culture != SourceCulture))
            {
                foreach (var key in translation.Json.Root.Select(m => m.Key).Where(k => !keys.Contains(k)))
                {
                    all.Add(Finding.Warning(ObsoleteKeyCode,
                        $"'{translation.FileNameOnly}' translates '{key}', which template.json no longer has.", translation.Json.Path));
                }
            }
        }

        return all;
    }

    /// <summary>The file's exact text: two-space indentation, LF line ends, a final newline.</summary>
    public static string Render(IReadOnlyList<KeyValuePair<string, string>> strings)
    {
        var json = new JsonObject();
        foreach (var (key, value) in strings)
        {
            json[key] = value;
        }

        return json.ToJsonString(Output) + "\n";
    }
}
