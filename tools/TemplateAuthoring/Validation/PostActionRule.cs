using System.Text.Json.Nodes;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// The engine's post-action checks (MV011, CONFIG0201–CONFIG0204) and ours (TPL0009: every post
/// action has an id, because its localization keys are <c>postActions/&lt;id&gt;/…</c>).
/// </summary>
public sealed class PostActionRule : ITemplateRule
{
    public IEnumerable<Finding> Check(TemplateFolder template)
    {
        var file = template.Template.Path;
        foreach (var duplicate in template.PostActions.Select(p => p.Id).OfType<string>().CountBy(id => id).Where(g => g.Value > 1))
        {
            yield return Finding.Warning("CONFIG0201", $"Post action id '{duplicate.Key}' is used by {duplicate.Value} post actions.", file);
        }

        foreach (var action in template.PostActions)
        {
            if (action.Id is null)
            {
                yield return Finding.Error("TPL0009", $"Post action {action.DisplayName} has no 'id' (its localization keys need one).", file);
            }

            if (action.Definition.TextOf("actionId") is null)
            {
                yield return Finding.Error("CONFIG0202", $"Post action {action.DisplayName} has no 'actionId'.", file);
            }

            foreach (var finding in CheckManualInstructions(action, file))
            {
                yield return finding;
            }

            foreach (var finding in CheckFileRenameArguments(action, file))
            {
                yield return finding;
            }
        }
    }

    private static IEnumerable<Finding> CheckManualInstructions(PostAction action, string file)
    {
        var node = action.Definition["manualInstructions"];
        if (node is null)
        {
            yield break;
        }

        if (node is not JsonArray instructions)
        {
            yield return Finding.Error("MV011", $"Post action {action.DisplayName}: 'manualInstructions' must be an array of objects with a 'text'.", file);
            yield break;
        }

        foreach (var (instruction, index) in instructions.Select((i, n) => (i, n)))
        {
            if (instruction is not JsonObject entry || entry["text"].Text() is null)
            {
                yield return Finding.Error("MV011", $"Post action {action.DisplayName}: manual instruction #{index + 1} has no 'text'.", file);
            }
        }

        var ids = instructions.OfType<JsonObject>().Select(i => i.TextOf("id")).OfType<string>();
        foreach (var duplicate in ids.CountBy(id => id).Where(g => g.Value > 1))
        {
            yield return Finding.Warning("CONFIG0203", $"Post action {action.DisplayName}: manual instruction id '{duplicate.Key}' is used {duplicate.Value} times.", file);
        }
    }

    private static IEnumerable<Finding> CheckFileRenameArguments(PostAction action, string file)
    {
        if (action.Definition["applyFileRenamesToArgs"] is not JsonArray names)
        {
            yield break;
        }

        var arguments = action.Definition["args"] as JsonObject;
        foreach (var name in names.Select(n => n.Text()).OfType<string>())
        {
            if (arguments?.ContainsKey(name) != true)
            {
                yield return Finding.Warning("CONFIG0204", $"Post action {action.DisplayName}: 'applyFileRenamesToArgs' names '{name}', which is not one of its 'args'.", file);
            }
        }
    }
}
