using System.Text.Json.Nodes;

namespace AsyncTestTemplates.Authoring.Model;

/// <summary>A symbol of template.json (<c>symbols.&lt;Name&gt;</c>).</summary>
public sealed record TemplateSymbol(string Name, JsonObject Definition)
{
    public string? Type => Definition.TextOf("type");

    public bool IsParameter => string.Equals(Type, "parameter", StringComparison.Ordinal);

    /// <summary>The engine reads both spellings; the schema's is <c>datatype</c>.</summary>
    public string? DataType => Definition.TextOf("datatype") ?? Definition.TextOf("dataType");

    public string? DefaultValue => Definition["defaultValue"].Text();

    public bool AllowsMultipleValues => Definition["allowMultipleValues"].IsTrue();

    public IEnumerable<JsonObject> Choices => Definition.ObjectsIn("choices").Select(c => c.Item);
}
