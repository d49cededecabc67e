using System.Text.Json.Nodes;

namespace AsyncTestTemplates.Authoring.Model;

/// <summary>An entry of template.json's <c>postActions</c>, with its position for messages about unnamed ones.</summary>
public sealed record PostAction(int Index, JsonObject Definition)
{
    public string? Id => Definition.TextOf("id");

    /// <summary>How messages name it: its id, else its position ("#1" is the first).</summary>
    public string DisplayName => Id is { } id ? $"'{id}'" : $"#{Index + 1}";
}
