using System.Text.Json.Nodes;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// MV012: <c>sources</c> is an array of objects. A <c>source</c> is resolved against the template's
/// folder and may reach a sibling folder (templates/_shared), but not out of the package's content
/// root, the engine's mount point; a <c>target</c> is resolved against the output folder and must
/// stay inside it.
/// </summary>
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

            if (source.TextOf("source") is { } from && Climb(from) > template.Name.Split('/').Length)
            {
                yield return Finding.Error("MV012", $"Source #{index + 1}: 'source' '{from}' points outside the template package.", file);
            }

            if (source.TextOf("target") is { } to && Climb(to) > 0)
            {
                yield return Finding.Error("MV012", $"Source #{index + 1}: 'target' '{to}' points outside the output folder.", file);
            }
        }
    }

    /// <summary>How many folders <paramref name="path"/> climbs above where it starts, at most (rooted: always too many).</summary>
    private static int Climb(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return int.MaxValue;
        }

        int depth = 0, lowest = 0;
        foreach (var part in path.Split('/', '\\'))
        {
            depth += part switch { ".." => -1, "." or "" => 0, _ => 1 };
            lowest = Math.Min(lowest, depth);
        }

        return -lowest;
    }
}
