using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsyncTestTemplates.Authoring.Model;

/// <summary>A JSON configuration file as the template engine reads it: comments and trailing commas allowed.</summary>
public sealed record JsonFile(string Path, JsonObject Root)
{
    /// <summary>How the engine reads configuration: comments and trailing commas allowed.</summary>
    public static JsonDocumentOptions EngineOptions { get; } = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads <paramref name="path"/>; null when it does not exist. Throws <see cref="JsonException"/> when it is not a JSON object.</summary>
    public static async Task<JsonFile?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return JsonNode.Parse(text, documentOptions: EngineOptions) is JsonObject root
            ? new JsonFile(path, root)
            : throw new JsonException("The root is not a JSON object.");
    }
}
