using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Localization;

/// <summary>
/// The localizable strings of a template.json under Authoring.Tasks' key scheme, in document
/// order: author, name, description, then per symbol its displayName, description and choices,
/// then per post action its description and manual instructions (an instruction without an id
/// is "default").
/// </summary>
public static class LocalizationKeys
{
    public const string DefaultInstructionId = "default";

    public static IReadOnlyList<KeyValuePair<string, string>> Build(TemplateFolder template)
    {
        var strings = new List<KeyValuePair<string, string>>();
        var root = template.Template.Root;
        foreach (var member in (string[])["author", "name", "description"])
        {
            Add(strings, member, root.TextOf(member));
        }

        foreach (var symbol in template.Symbols)
        {
            var prefix = $"symbols/{symbol.Name}";
            Add(strings, $"{prefix}/displayName", symbol.Definition.TextOf("displayName"));
            Add(strings, $"{prefix}/description", symbol.Definition.TextOf("description"));
            foreach (var choice in symbol.Choices)
            {
                if (choice.TextOf("choice") is { } value)
                {
                    Add(strings, $"{prefix}/choices/{value}/displayName", choice.TextOf("displayName"));
                    Add(strings, $"{prefix}/choices/{value}/description", choice.TextOf("description"));
                }
            }
        }

        // A post action without an id cannot be localized (TPL0009 reports it).
        foreach (var action in template.PostActions.Where(a => a.Id is not null))
        {
            var prefix = $"postActions/{action.Id}";
            Add(strings, $"{prefix}/description", action.Definition.TextOf("description"));
            foreach (var (instructionId, text) in ManualInstructions(action))
            {
                Add(strings, $"{prefix}/manualInstructions/{instructionId}/text", text);
            }
        }

        return strings;
    }

    /// <summary>A post action's manual instructions by localization id; only the first unnamed one can be "default".</summary>
    public static IEnumerable<(string Id, string? Text)> ManualInstructions(PostAction action)
    {
        var defaultTaken = false;
        foreach (var (_, instruction) in action.Definition.ObjectsIn("manualInstructions"))
        {
            if (instruction.TextOf("id") is { } id)
            {
                yield return (id, instruction.TextOf("text"));
            }
            else if (!defaultTaken)
            {
                defaultTaken = true;
                yield return (DefaultInstructionId, instruction.TextOf("text"));
            }
        }
    }

    private static void Add(List<KeyValuePair<string, string>> strings, string key, string? value)
    {
        if (value is not null)
        {
            strings.Add(new(key, value));
        }
    }
}
