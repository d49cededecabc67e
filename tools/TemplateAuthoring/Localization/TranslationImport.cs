using System.Text;
using System.Text.Json.Nodes;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Localization;

/// <summary>
/// <c>localize --apply &lt;file&gt;</c>: the worklist (<see cref="Localizer.WorklistAsync"/>) with a sixth,
/// tab-separated column, the new translation, written into the cultures' files and recorded as made
/// from today's English text. An obsolete key with an empty sixth column is removed. Lines without a
/// sixth column are left for later, so a half-done worklist can be applied.
/// </summary>
public static class TranslationImport
{
    public static async Task<(int Applied, IReadOnlyList<Finding> Findings)> ApplyAsync(string templatesRoot, string worklistPath, CancellationToken cancellationToken)
    {
        var (templates, _) = await TemplateLoader.LoadLocalizationUnitsAsync(templatesRoot, cancellationToken);
        var byName = templates.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var lines = (await File.ReadAllLinesAsync(worklistPath, cancellationToken))
            .Select((text, index) => (Number: index + 1, Columns: text.Split('\t')))
            .Where(line => line.Columns.Length >= 6)
            .ToList();
        foreach (var (number, columns) in lines)
        {
            if (!Localizer.TranslatedCultures.Contains(columns[0]) || !byName.ContainsKey(columns[1]))
            {
                throw new ArgumentException($"{worklistPath}:{number}: no culture '{columns[0]}' or no template '{columns[1]}' in {templatesRoot}.");
            }
        }

        var applied = 0;
        foreach (var group in lines.GroupBy(line => (Culture: line.Columns[0], Template: line.Columns[1])))
        {
            var template = byName[group.Key.Template];
            var strings = LocalizationKeys.Build(template);
            var english = strings.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
            var path = Path.Combine(template.LocalizeDirectory, LocalizationFile.FileName(group.Key.Culture));
            var translation = template.Localizations.FirstOrDefault(l => l.Culture == group.Key.Culture)?.Json.Root.DeepClone().AsObject() ?? [];
            var recorded = new List<string>();
            foreach (var (number, columns) in group)
            {
                var (key, text) = (columns[2], columns[5]);
                if (!english.ContainsKey(key))
                {
                    if (text.Length > 0)
                    {
                        throw new ArgumentException($"{worklistPath}:{number}: template.json of {template.Name} has no '{key}'; leave the sixth column empty to delete the key.");
                    }

                    translation.Remove(key);
                }
                else
                {
                    translation[key] = text;
                    recorded.Add(key);
                }

                applied++;
            }

            // The English file's key order, so a culture's file reads side by side with it.
            var ordered = strings.Where(s => translation.ContainsKey(s.Key)).Select(s => KeyValuePair.Create(s.Key, translation[s.Key]!.GetValue<string>()))
                .Concat(translation.Where(m => !english.ContainsKey(m.Key)).Select(m => KeyValuePair.Create(m.Key, m.Value?.ToString() ?? "")))
                .ToList();
            await File.WriteAllTextAsync(path, Localizer.Render(ordered), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);

            if (recorded.Count > 0)
            {
                await Localizer.RecordTranslatedAsync(templatesRoot, [group.Key.Culture], [template.Name], recorded, cancellationToken);
            }
        }

        return (applied, await Localizer.LocalizeAsync(templatesRoot, checkOnly: true, cancellationToken));
    }
}
