using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Localization;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// The engine's LOC001 (a localization file names a post action that does not exist) and LOC002
/// (it names a manual instruction that the post action does not have). The engine then refuses
/// the localization, so the IDE falls back to English.
/// </summary>
public sealed class LocalizationReferenceRule : ITemplateRule
{
    public IEnumerable<Finding> Check(TemplateFolder template)
    {
        var instructionsByAction = template.PostActions.Where(a => a.Id is not null)
            .GroupBy(a => a.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(LocalizationKeys.ManualInstructions).Select(i => i.Id).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        foreach (var localization in template.Localizations)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in localization.Json.Root.Select(m => m.Key))
            {
                var parts = key.Split('/');
                if (parts is not ["postActions", var actionId, ..])
                {
                    continue;
                }

                if (!instructionsByAction.TryGetValue(actionId, out var instructionIds))
                {
                    if (reported.Add(actionId))
                    {
                        yield return Finding.Error("LOC001",
                            $"'{localization.FileNameOnly}' localizes the post action '{actionId}', which template.json does not have.",
                            localization.Json.Path);
                    }
                }
                else if (parts is [_, _, "manualInstructions", var instructionId, ..] && !instructionIds.Contains(instructionId))
                {
                    yield return Finding.Error("LOC002",
                        $"'{localization.FileNameOnly}' localizes the manual instruction '{instructionId}' of post action '{actionId}', which it does not have.",
                        localization.Json.Path);
                }
            }
        }
    }
}
