using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// TPL0001–TPL0003: what the IDE dialogs and <c>dotnet new &lt;template&gt; --help</c> show for
/// an option. Without a display name the IDE shows the symbol's name; without descriptions the
/// user must read the template to learn what an option or value does.
/// </summary>
public sealed class ParameterTextRule : ITemplateRule
{
    public IEnumerable<Finding> Check(TemplateFolder template)
    {
        var file = template.Template.Path;
        foreach (var parameter in template.Parameters)
        {
            if (parameter.Definition.TextOf("description") is null)
            {
                yield return Finding.Error("TPL0001", $"Parameter '{parameter.Name}' has no 'description'.", file);
            }

            if (parameter.Definition.TextOf("displayName") is null)
            {
                yield return Finding.Error("TPL0002", $"Parameter '{parameter.Name}' has no 'displayName'.", file);
            }

            foreach (var choice in parameter.Choices.Where(c => c.TextOf("description") is null))
            {
                yield return Finding.Error("TPL0003", $"Choice '{choice.TextOf("choice")}' of parameter '{parameter.Name}' has no 'description'.", file);
            }
        }
    }
}
