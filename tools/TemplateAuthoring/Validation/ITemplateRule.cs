using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>A rule about one template on its own.</summary>
public interface ITemplateRule
{
    IEnumerable<Finding> Check(TemplateFolder template);
}

/// <summary>A rule about the templates of the pack taken together.</summary>
public interface IPackRule
{
    IEnumerable<Finding> Check(IReadOnlyList<TemplateFolder> templates);
}
