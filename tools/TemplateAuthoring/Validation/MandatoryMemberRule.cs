using System.Text.Json.Nodes;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// The engine's MV001–MV003 and MV005–MV010: members a template must (errors) or should (infos)
/// have. The engine refuses a template without an identity without any code; we report MV001.
/// </summary>
public sealed class MandatoryMemberRule : ITemplateRule
{
    private static readonly (string Code, string Member, Severity Severity)[] Members =
    [
        ("MV001", "identity", Severity.Error),
        ("MV002", "name", Severity.Error),
        ("MV003", "shortName", Severity.Error),
        ("MV005", "sourceName", Severity.Info),
        ("MV006", "author", Severity.Info),
        ("MV007", "groupIdentity", Severity.Info),
        ("MV008", "generatorVersions", Severity.Info),
        ("MV009", "precedence", Severity.Info),
        ("MV010", "classifications", Severity.Info),
    ];

    public IEnumerable<Finding> Check(TemplateFolder template) =>
        Members.Where(m => IsMissing(template, m.Member))
            .Select(m => new Finding(m.Severity, m.Code, $"Missing '{m.Member}'.", template.Template.Path));

    private static bool IsMissing(TemplateFolder template, string member) => member switch
    {
        "shortName" => template.ShortNames.Count == 0,
        "classifications" => template.Template.Root[member] is not JsonArray { Count: > 0 },
        _ => template.Template.Root.TextOf(member) is null,
    };
}
