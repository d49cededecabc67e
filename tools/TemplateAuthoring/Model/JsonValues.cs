using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsyncTestTemplates.Authoring.Model;

/// <summary>Lenient reads of template configuration values, which the engine accepts as strings, numbers or booleans.</summary>
public static class JsonValues
{
    /// <summary>The value as text, or null when absent, null, or not a scalar.</summary>
    public static string? Text(this JsonNode? node) =>
        node is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
                _ => null,
            }
            : null;

    /// <summary>The named property as non-blank text, or null.</summary>
    public static string? TextOf(this JsonObject owner, string property) =>
        owner[property].Text() is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    /// <summary>The named property's elements that are objects, with their position; empty when it is not an array.</summary>
    public static IEnumerable<(int Index, JsonObject Item)> ObjectsIn(this JsonObject owner, string property) =>
        owner[property] is JsonArray array
            ? array.Select((item, index) => (index, item)).Where(e => e.item is JsonObject).Select(e => (e.index, (JsonObject)e.item!))
            : [];

    /// <summary>The named property's members whose values are objects, in document order.</summary>
    public static IEnumerable<(string Name, JsonObject Value)> MembersOf(this JsonObject owner, string property) =>
        owner[property] is JsonObject members
            ? members.Where(m => m.Value is JsonObject).Select(m => (m.Key, (JsonObject)m.Value!))
            : [];

    /// <summary>True when the value is the boolean true or the text "true" (the engine accepts both).</summary>
    public static bool IsTrue(this JsonNode? node) =>
        string.Equals(node.Text(), "true", StringComparison.OrdinalIgnoreCase);
}
