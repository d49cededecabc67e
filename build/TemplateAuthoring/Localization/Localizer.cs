using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Localization;

/// <summary>
/// Keeps <c>.template.config/localize/templatestrings.en.json</c> equal to what template.json says,
/// as Authoring.Tasks' LocalizeTemplates does, and checks the translations: every template ships the
/// cultures of the SDK's own templates (<see cref="Cultures"/>), each with exactly the English file's
/// keys, each translated from the current English text (<see cref="TranslationRecord"/>).
/// Translations are never rewritten: they are the translators' work.
/// </summary>
public static class Localizer
{
    public const string SourceCulture = "en";
    public const string StaleCode = "ATT0013";
    public const string ObsoleteKeyCode = "ATT0014";
    public const string CultureSetCode = "ATT0020";
    public const string MissingKeyCode = "ATT0021";
    public const string StaleTranslationCode = "ATT0022";

    /// <summary>The cultures the .NET SDK's own templates ship (and Aspire's): the pack ships the same.</summary>
    public static IReadOnlyList<string> Cultures { get; } =
        ["cs", "de", "en", "es", "fr", "it", "ja", "ko", "pl", "pt-BR", "ru", "tr", "zh-Hans", "zh-Hant"];

    public static IEnumerable<string> TranslatedCultures => Cultures.Where(c => c != SourceCulture);

    private const string Command = "dotnet run --project build/TemplateAuthoring -- localize templates";

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        // Readable apostrophes, quotes and non-ASCII text, as translators and reviewers see them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>Writes (or with <paramref name="checkOnly"/> compares) every template's source-culture file, and checks the translations.</summary>
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
                        $"'{LocalizationFile.FileName(SourceCulture)}' is {(actual is null ? "missing" : "out of date")}: run '{Command}' and commit the result.",
                        path));
                }
                else
                {
                    Directory.CreateDirectory(template.LocalizeDirectory);
                    await File.WriteAllTextAsync(path, expected, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
                }
            }

            all.AddRange(await CheckTranslationsAsync(template, strings, cancellationToken));
        }

        return all;
    }

    /// <summary>
    /// Records that the given cultures' translations (of every template, or of <paramref name="templateNames"/>;
    /// of every key, or of <paramref name="keys"/>) are made from the current English text; then checks again.
    /// </summary>
    public static async Task<(int Recorded, IReadOnlyList<Finding> Findings)> RecordTranslatedAsync(
        string templatesRoot, IReadOnlyCollection<string> cultures, IReadOnlyCollection<string> templateNames, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var (templates, findings) = await TemplateLoader.LoadAsync(templatesRoot, cancellationToken);
        var unknown = cultures.Where(c => !TranslatedCultures.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Not a translated culture of the pack: {string.Join(", ", unknown)} (they are {string.Join(", ", TranslatedCultures)}).");
        }

        var recorded = 0;
        foreach (var template in templates.Where(t => templateNames.Count == 0 || templateNames.Contains(t.Name)))
        {
            var strings = LocalizationKeys.Build(template);
            var record = await TranslationRecord.ReadAsync(template, cancellationToken);
            foreach (var culture in cultures)
            {
                if (template.Localizations.FirstOrDefault(l => l.Culture == culture) is not { } translation)
                {
                    continue;
                }

                var translated = translation.Json.Root.Where(m => m.Value?.GetValueKind() == JsonValueKind.String).Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
                foreach (var (key, english) in strings.Where(s => translated.Contains(s.Key) && (keys.Count == 0 || keys.Contains(s.Key))))
                {
                    if (record.SourceOf(culture, key) != TranslationRecord.Hash(english))
                    {
                        record.Record(culture, key, english);
                        recorded++;
                    }
                }

                record.Keep(culture, strings.Select(s => s.Key).Where(translated.Contains).ToHashSet(StringComparer.Ordinal));
            }

            await record.WriteAsync(strings.Select(s => s.Key).ToList(), cancellationToken);
        }

        return (recorded, [.. findings, .. await LocalizeAsync(templatesRoot, checkOnly: true, cancellationToken)]);
    }

    private static async Task<IReadOnlyList<Finding>> CheckTranslationsAsync(TemplateFolder template, IReadOnlyList<KeyValuePair<string, string>> strings, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        TranslationRecord record;
        try
        {
            record = await TranslationRecord.ReadAsync(template, cancellationToken);
        }
        catch (JsonException e)
        {
            return [Finding.Error(TemplateLoader.InvalidJsonCode, $"'{TranslationRecord.FileName}' is not a valid record (an object of culture: {{ key: hash }}): {e.Message}", TranslationRecord.PathIn(template))];
        }

        foreach (var culture in TranslatedCultures.Where(c => template.Localizations.All(l => l.Culture != c)))
        {
            findings.Add(Finding.Error(CultureSetCode,
                $"'{LocalizationFile.FileName(culture)}' is missing ({culture}): every template ships {string.Join(", ", Cultures)}. Translate '{LocalizationFile.FileName(SourceCulture)}' into it, then run '{Command} --translated {culture}'.",
                Path.Combine(template.LocalizeDirectory, LocalizationFile.FileName(culture))));
        }

        var keys = strings.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var translation in template.Localizations.Where(l => l.Culture != SourceCulture))
        {
            var culture = translation.Culture;
            var file = translation.FileNameOnly;
            if (!Cultures.Contains(culture))
            {
                findings.Add(Finding.Error(CultureSetCode,
                    $"'{file}' is for {culture}, a culture the pack does not ship (it ships {string.Join(", ", Cultures)}): rename or delete it.",
                    translation.Json.Path));
                continue;
            }

            foreach (var (key, english) in strings)
            {
                var text = translation.Json.Root[key];
                if (text?.GetValueKind() != JsonValueKind.String)
                {
                    findings.Add(Finding.Error(MissingKeyCode,
                        $"{culture}: '{file}' has no '{key}' (English: \"{english}\"): translate it, then run '{Command} --translated {culture}'.",
                        translation.Json.Path));
                }
                else if (record.SourceOf(culture, key) is not { } source)
                {
                    findings.Add(Finding.Error(StaleTranslationCode,
                        $"{culture}: '{key}' is not recorded as translated in '{TranslationRecord.FileName}' (English: \"{english}\"): check the translation, then run '{Command} --translated {culture}'.",
                        translation.Json.Path));
                }
                else if (source != TranslationRecord.Hash(english))
                {
                    findings.Add(Finding.Error(StaleTranslationCode,
                        $"{culture}: '{key}' is stale: its English text changed since it was translated (now: \"{english}\"): update the translation, then run '{Command} --translated {culture}'.",
                        translation.Json.Path));
                }
            }

            foreach (var key in translation.Json.Root.Select(m => m.Key).Where(k => !keys.Contains(k)))
            {
                findings.Add(Finding.Error(ObsoleteKeyCode,
                    $"{culture}: '{file}' translates '{key}', which template.json no longer has: delete it.", translation.Json.Path));
            }
        }

        return findings;
    }

    /// <summary>The file's exact text: two-space indentation, LF line ends, a final newline.</summary>
    public static string Render(IReadOnlyList<KeyValuePair<string, string>> strings)
    {
        var json = new JsonObject();
        foreach (var (key, value) in strings)
        {
            json[key] = value;
        }

        return RenderJson(json);
    }

    public static string RenderJson(JsonObject json) => json.ToJsonString(Output) + "\n";
}
