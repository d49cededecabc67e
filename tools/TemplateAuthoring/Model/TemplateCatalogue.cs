using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsyncTestTemplates.Authoring.Model;

/// <summary>What kind of template a folder holds, as the pack's docs and tests group them.</summary>
public enum TemplateKind
{
    /// <summary>A test project (<c>tags.type</c> "project" with the "Test" classification).</summary>
    TestProject,

    /// <summary>An item added to an existing project (<c>tags.type</c> "item").</summary>
    Item,

    /// <summary>Files for a whole repository, such as a CI workflow (any other project template).</summary>
    Repository,
}

/// <summary>One template of the pack: its short name, kind and folder.</summary>
public sealed record CatalogueEntry(string ShortName, TemplateKind Kind, string Directory);

/// <summary>
/// The pack's templates, found under a templates root (any depth; build output and the shared options'
/// folder are no templates) and read from their template.json: the one list the authoring tool, the
/// tests (<c>TemplateCatalog</c>) and the scripts (<c>TemplateAuthoring templates</c>) all use.
/// </summary>
public static class TemplateCatalogue
{
    /// <summary>Every template in short-name order; a template.json that is no valid JSON object is left to the loader to report.</summary>
    public static IReadOnlyList<CatalogueEntry> Read(string templatesRoot) =>
        ConfigDirectories(templatesRoot)
            .Select(config => (Directory: Path.GetDirectoryName(config)!, Json: TryParse(Path.Combine(config, "template.json"))))
            .Where(found => found.Json is not null)
            .Select(found => new CatalogueEntry(found.Json!.TextOf("shortName") ?? Path.GetFileName(found.Directory), KindOf(found.Json!), found.Directory))
            .OrderBy(entry => entry.ShortName, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every <c>.template.config</c> folder with a template.json under the root, in path order.</summary>
    public static IEnumerable<string> ConfigDirectories(string templatesRoot)
    {
        var root = Path.GetFullPath(templatesRoot);
        return System.IO.Directory.Exists(root)
            ? System.IO.Directory.EnumerateDirectories(root, TemplateFolder.ConfigFolderName, SearchOption.AllDirectories)
                .Where(d => !IsBuildOutput(Path.GetRelativePath(root, d)) && File.Exists(Path.Combine(d, "template.json")))
                .Order(StringComparer.Ordinal)
            : [];
    }

    public static TemplateKind KindOf(JsonObject template) =>
        (template["tags"] as JsonObject)?.TextOf("type") switch
        {
            "item" => TemplateKind.Item,
            "project" when template["classifications"] is JsonArray classes && classes.Any(c => c.Text() == "Test") => TemplateKind.TestProject,
            _ => TemplateKind.Repository,
        };

    // A generated project built inside templates/ leaves bin/ and obj/ copies that are not templates.
    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split('/', '\\').Any(part => part is "bin" or "obj");

    private static JsonObject? TryParse(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path), documentOptions: JsonFile.EngineOptions) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
