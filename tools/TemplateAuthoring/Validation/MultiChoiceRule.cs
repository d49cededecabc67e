using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>MV004: a multi-choice parameter's values are joined with '|' or ',' on the command line, so no value may contain them.</summary>
public sealed class MultiChoiceRule : ITemplateRule
{
    private static readonly char[] Separators = ['|', ','];

    public IEnumerable<Finding> Check(TemplateFolder template) =>
        from symbol in template.Parameters
        where symbol.AllowsMultipleValues
        let invalid = symbol.Choices.Select(c => c.TextOf("choice")).OfType<string>().Where(c => c.IndexOfAny(Separators) >= 0).ToList()
        where invalid.Count > 0
        select Finding.Error("MV004",
            $"Multi-choice symbol '{symbol.Name}' has choices containing the separator characters '|' or ',': {string.Join(", ", invalid.Select(c => $"'{c}'"))}.",
            template.Template.Path);
}
