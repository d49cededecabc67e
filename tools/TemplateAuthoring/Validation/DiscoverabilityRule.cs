using System.Text.Json.Nodes;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// TPL0016–TPL0018: a user finds and uses every template of the pack the same way. Item
/// templates are offered only where they apply (the IDE's add-item dialog reads ide.host.json's
/// <c>appliesTo</c>, <c>dotnet new</c> checks template.json's <c>constraints</c>); <c>dotnet new
/// &lt;template&gt; --help</c> shows usage examples; <c>dotnet new list --tag Async</c> lists the pack.
/// </summary>
public sealed class DiscoverabilityRule : ITemplateRule
{
    public const string PackClassification = "Async";

    public IEnumerable<Finding> Check(TemplateFolder template)
    {
        var root = template.Template.Root;
        if (string.Equals(root["tags"]?["type"].Text(), "item", StringComparison.OrdinalIgnoreCase))
        {
            if (template.IdeHost is { } ideHost && ideHost.Root.TextOf("appliesTo") is null)
            {
                yield return Finding.Error("TPL0016", "Item template has no 'appliesTo' in ide.host.json (the IDE would offer it in every project).", ideHost.Path);
            }

            if (root["constraints"] is not JsonObject { Count: > 0 })
            {
                yield return Finding.Error("TPL0016", "Item template has no 'constraints' (dotnet new would add it to any folder).", template.Template.Path);
            }
        }

        if (template.CliHost?.Root["usageExamples"] is not JsonArray { Count: > 0 })
        {
            yield return Finding.Error("TPL0017", "dotnetcli.host.json has no 'usageExamples'.", template.CliHost?.Path ?? template.CliHostPath);
        }

        var classifications = root["classifications"] as JsonArray ?? [];
        if (!classifications.Any(c => string.Equals(c.Text(), PackClassification, StringComparison.Ordinal)))
        {
            yield return Finding.Error("TPL0018", $"'classifications' lacks '{PackClassification}' (dotnet new list --tag {PackClassification} lists the pack).", template.Template.Path);
        }
    }
}
