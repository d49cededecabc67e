using System.Text.Json.Nodes;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>MV012: <c>sources</c> is an array of objects whose source and target stay inside the template's folder.</summary>
public sealed class SourcesRule : ITemplateRule
{
    public IEnumerable<Finding> Check(TemplateFolder template)
    {
        var file = template.Template.Path;
        var node = template.Template.Root["sources"];
        if (node is null)
        {
            yield break;
        }

        if (node is not JsonArray sources)
        {
            yield return Finding.Error("MV012", "'sources' must be an array of objects.", file);
            yield break;
        }

        foreach (var (entry, index) in sources.Select((e, i) => (e, i)))
        {
            if (entry is not JsonObject source)
            {
                yield return Finding.Error("MV012", $"Source #{index + 1} is not an object.", file);
                continue;
            }

            foreach (var member in (string[])["source", "target"])
            {
                if (source.TextOf(member) is { } path && LeavesTemplate(path))
                {
                    yield return Finding.Error("MV012", $"Source #{index + 1}: '{member}' '{path}' points outside the template's folder.", file);
                }
            }
        }
    }

    // The engine resolves both against the template's folder (source) or the output folder (target).
    private static bool LeavesTemplate(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return true;
        }

        var depth = 0;
        foreach (var part in path.Split('/', '\\'))
        {
            depth += part switch { ".." => -1, "." or "" => 0, _ => 1 };
            if (depth < 0)
            {
                return true;
            }
        }

        return false;
    }
}
