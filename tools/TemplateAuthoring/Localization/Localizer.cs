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
    public const string StaleCode = "TPL0013";
    public const string ObsoleteKeyCode = "TPL0014";
    public const string CultureSetCode = "TPL0020";
    public const string MissingKeyCode = "TPL0021";
    public const string StaleTranslationCode = "TPL0022";

    /// <summary>The cultures the .NET SDK's own templates ship (and Aspire's): the pack ships the same.</summary>
    public static IReadOnlyList<string> Cultures { get; } =
        ["cs", "de", "en", "es", "fr", "it", "ja", "ko", "pl", "pt-BR", "ru", "tr", "zh-Hans", "zh-Hant"];

    public static IEnumerable<string> TranslatedCultures => Cultures.Where(c => c != SourceCulture);

    private const string Command = "dotnet run --project tools/TemplateAuthoring -- localize templates";

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
        var (templates, findings) = await TemplateLoader.LoadLocalizationUnitsAsync(templatesRoot, cancellationToken);
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
        var (templates, findings) = await TemplateLoader.LoadLocalizationUnitsAsync(templatesRoot, cancellationToken);
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

    /// <summary>
    /// The translators' worklist: every key of every template that a culture lacks, has stale, never
    /// recorded or no longer needs, by culture, then template, in the English file's order.
    /// </summary>
    public static async Task<IReadOnlyList<TranslationGap>> WorklistAsync(string templatesRoot, IReadOnlyCollection<string> cultures, CancellationToken cancellationToken)
    {
        var (templates, _) = await TemplateLoader.LoadLocalizationUnitsAsync(templatesRoot, cancellationToken);
        var gaps = new List<TranslationGap>();
        foreach (var template in templates)
        {
            var record = await TranslationRecord.ReadAsync(template, cancellationToken);
            gaps.AddRange(Gaps(template, LocalizationKeys.Build(template), record).Where(gap => cultures.Count == 0 || cultures.Contains(gap.Culture)));
        }

        return gaps.OrderBy(gap => gap.Culture, StringComparer.Ordinal).ToList();
    }

    /// <summary>Per translated culture (its file there or not) and key: what a translator has to do.</summary>
    private static IEnumerable<TranslationGap> Gaps(TemplateFolder template, IReadOnlyList<KeyValuePair<string, string>> strings, TranslationRecord record)
    {
        var keys = strings.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var culture in TranslatedCultures)
        {
            var translation = template.Localizations.FirstOrDefault(l => l.Culture == culture);
            var path = translation?.Json.Path ?? Path.Combine(template.LocalizeDirectory, LocalizationFile.FileName(culture));
            foreach (var (key, english) in strings)
            {
                var state = translation?.Json.Root[key]?.GetValueKind() != JsonValueKind.String ? TranslationState.Missing
                    : record.SourceOf(culture, key) is not { } source ? TranslationState.Unrecorded
                    : source != TranslationRecord.Hash(english) ? TranslationState.Stale
                    : (TranslationState?)null;
                if (state is { } found)
                {
                    yield return new TranslationGap(culture, template.Name, key, found, english, path);
                }
            }

            foreach (var key in translation?.Json.Root.Select(m => m.Key).Where(k => !keys.Contains(k)) ?? [])
            {
                yield return new TranslationGap(culture, template.Name, key, TranslationState.Obsolete, null, path);
            }
        }
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

        var missingFiles = TranslatedCultures.Where(c => template.Localizations.All(l => l.Culture != c)).ToHashSet(StringComparer.Ordinal);
        foreach (var culture in missingFiles)
        {
            findings.Add(Finding.Error(CultureSetCode,
                $"'{LocalizationFile.FileName(culture)}' is missing ({culture}): every template ships {string.Join(", ", Cultures)}. Translate '{LocalizationFile.FileName(SourceCulture)}' into it, then run '{Command} --translated {culture}'.",
                Path.Combine(template.LocalizeDirectory, LocalizationFile.FileName(culture))));
        }

        foreach (var translation in template.Localizations.Where(l => l.Culture != SourceCulture && !Cultures.Contains(l.Culture)))
        {
            findings.Add(Finding.Error(CultureSetCode,
                $"'{translation.FileNameOnly}' is for {translation.Culture}, a culture the pack does not ship (it ships {string.Join(", ", Cultures)}): rename or delete it.",
                translation.Json.Path));
        }

        // A missing file is one finding (above), not one per key.
        foreach (var gap in Gaps(template, strings, record).Where(gap => !missingFiles.Contains(gap.Culture)))
        {
            var (culture, file) = (gap.Culture, LocalizationFile.FileName(gap.Culture));
            findings.Add(gap.State switch
            {
                TranslationState.Missing => Finding.Error(MissingKeyCode,
                    $"{culture}: '{file}' has no '{gap.Key}' (English: \"{gap.English}\"): translate it, then run '{Command} --translated {culture}'.", gap.Path),
                TranslationState.Unrecorded => Finding.Error(StaleTranslationCode,
                    $"{culture}: '{gap.Key}' is not recorded as translated in '{TranslationRecord.FileName}' (English: \"{gap.English}\"): check the translation, then run '{Command} --translated {culture}'.", gap.Path),
                TranslationState.Stale => Finding.Error(StaleTranslationCode,
                    $"{culture}: '{gap.Key}' is stale: its English text changed since it was translated (now: \"{gap.English}\"): update the translation, then run '{Command} --translated {culture}'.", gap.Path),
                _ => Finding.Error(ObsoleteKeyCode,
                    $"{culture}: '{file}' translates '{gap.Key}', which template.json no longer has: delete it.", gap.Path),
            });
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
