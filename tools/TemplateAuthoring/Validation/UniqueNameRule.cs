using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// TPL0006–TPL0008: a template is found by its identity (IDEs, <c>dotnet new uninstall</c>) and its
/// short name (<c>dotnet new &lt;name&gt;</c>); two templates sharing one, or sharing a short name with
/// the SDK, make the command ambiguous or one template silently hide another.
/// </summary>
public sealed class UniqueNameRule : IPackRule
{
    public IEnumerable<Finding> Check(IReadOnlyList<TemplateFolder> templates)
    {
        foreach (var template in templates)
        {
            var file = template.Template.Path;
            if (template.Identity is { } identity)
            {
                var others = Others(templates, template, t => t.Identity is { } i && string.Equals(i, identity, StringComparison.OrdinalIgnoreCase));
                if (others is not null)
                {
                    yield return Finding.Error("TPL0006", $"Identity '{identity}' is also used by {others}.", file);
                }
            }

            foreach (var shortName in template.ShortNames)
            {
                var others = Others(templates, template, t => t.ShortNames.Contains(shortName, StringComparer.OrdinalIgnoreCase));
                if (others is not null)
                {
                    yield return Finding.Error("TPL0007", $"Short name '{shortName}' is also used by {others}.", file);
                }

                if (SdkTemplates.ShortNames.Contains(shortName))
                {
                    yield return Finding.Error("TPL0008", $"Short name '{shortName}' is already a template of the .NET SDK.", file);
                }
            }
        }
    }

    private static string? Others(IReadOnlyList<TemplateFolder> templates, TemplateFolder self, Func<TemplateFolder, bool> sharesName)
    {
        var others = templates.Where(t => !ReferenceEquals(t, self) && sharesName(t)).Select(t => $"'{t.Name}'").ToList();
        return others.Count == 0 ? null : string.Join(", ", others);
    }
}
