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

    /// <summary>
    /// A guard: a parameter whose <c>isRequired</c> is a condition over other parameters, such as
    /// <c>(testTimeout &lt;= 0)</c>. No user sets it; when its condition holds, <c>dotnet new</c>
    /// stops with exit 102, writes nothing and prints the guard's long name as the missing option,
    /// so that long name is the error message (<c>--test-timeout-must-be-1-or-more</c>).
    /// </summary>
    public bool IsGuard =>
        IsParameter && Definition["isRequired"].Text() is { } required
        && !bool.TryParse(required, out _) && !string.IsNullOrWhiteSpace(required);

    public IEnumerable<JsonObject> Choices => Definition.ObjectsIn("choices").Select(c => c.Item);
}
