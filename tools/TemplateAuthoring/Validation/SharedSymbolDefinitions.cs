using System.Text.Json.Nodes;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// Where two symbol definitions of the same name differ, as a JSON path (<c>choices[1].description</c>),
/// leaving out the descriptions (its own and its choices') of an option whose meaning is the template's own,
/// and <c>fileRename</c>, which names a file of the template's own.
/// </summary>
public static class SharedSymbolDefinitions
{
    /// <returns>The first path at which the definitions differ, or null when they are the same.</returns>
    public static string? FirstDifference(TemplateSymbol symbol, TemplateSymbol other)
    {
        var ignoreTexts = SharedOptions.OwnDescription.Contains(symbol.Name);
        return FirstDifference(symbol.Definition, other.Definition, "", ignoreTexts);
    }

    private static string? FirstDifference(JsonNode? node, JsonNode? other, string path, bool ignoreTexts) => (node, other) switch
    {
        (JsonObject a, JsonObject b) => a.Select(member => member.Key).Union(b.Select(member => member.Key)).Order(StringComparer.Ordinal)
            .Where(key => !(ignoreTexts && key == "description") && key != "fileRename")
            .Select(key => FirstDifference(a[key], b[key], path.Length == 0 ? key : $"{path}.{key}", ignoreTexts))
            .FirstOrDefault(difference => difference is not null),
        (JsonArray a, JsonArray b) when a.Count == b.Count => a.Select((item, index) => FirstDifference(item, b[index], $"{path}[{index}]", ignoreTexts))
            .FirstOrDefault(difference => difference is not null),
        _ => JsonNode.DeepEquals(node, other) ? null : (path.Length == 0 ? "(the whole definition)" : path),
    };
}
