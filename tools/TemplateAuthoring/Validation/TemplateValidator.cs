using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>Every rule over every template under a root: the engine's own first, then ours.</summary>
public static class TemplateValidator
{
    private static readonly ITemplateRule[] TemplateRules =
    [
        new MandatoryMemberRule(),
        new MultiChoiceRule(),
        new SourcesRule(),
        new PostActionRule(),
        new LocalizationReferenceRule(),
        new ParameterTextRule(),
        new HostFileRule(),
        new DiscoverabilityRule(),
    ];

    private static readonly IPackRule[] PackRules =
    [
        new UniqueNameRule(),
    ];

    public static async Task<IReadOnlyList<Finding>> ValidateAsync(string templatesRoot, string versionsFile, CancellationToken cancellationToken)
    {
        var (templates, findings) = await TemplateLoader.LoadAsync(templatesRoot, cancellationToken);
        var all = new List<Finding>(findings);
        all.AddRange(templates.SelectMany(template => TemplateRules.SelectMany(rule => rule.Check(template))));
        all.AddRange(PackRules.SelectMany(rule => rule.Check(templates)));
        all.AddRange(await new VersionTokenRule(versionsFile).CheckAsync(templates, cancellationToken));
        return all;
    }
}
