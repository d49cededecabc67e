using System.Text.Json.Nodes;

namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>
/// The pack's templates, read from their template.json (the same rule as scripts/project_templates.py),
/// so that a new template is picked up by every test that covers all of them.
/// </summary>
public static class TemplateCatalog
{
    /// <summary>Every template: short name, <c>tags.type</c> and classifications, in name order.</summary>
    public static IReadOnlyList<(string ShortName, string Type, string[] Classifications)> All { get; } = Load();

    /// <summary>Test-project templates: <c>tags.type</c> "project" with the "Test" classification.</summary>
    public static TheoryData<string> ProjectTemplates { get; } =
        new(All.Where(t => t.Type == "project" && t.Classifications.Contains("Test")).Select(t => t.ShortName));

    /// <summary>Item templates: <c>tags.type</c> "item".</summary>
    public static IReadOnlyList<string> ItemTemplates { get; } =
        All.Where(t => t.Type == "item").Select(t => t.ShortName).ToList();

    /// <summary>Every template but project templates (items, and async-ci at a repository's root), in name order.</summary>
    public static IReadOnlyList<string> OtherThanProjectTemplates { get; } =
        All.Where(t => t.Type != "project").Select(t => t.ShortName).ToList();

    private static List<(string, string, string[])> Load() =>
        Directory.GetDirectories(RepositoryPaths.Templates)
            .Select(folder => Path.Combine(folder, ".template.config", "template.json"))
            .Where(File.Exists)
            .Select(file => JsonNode.Parse(File.ReadAllText(file))!)
            .Select(template => (
                (string)template["shortName"]!,
                (string?)template["tags"]?["type"] ?? "",
                template["classifications"]?.AsArray().Select(c => (string)c!).ToArray() ?? []))
            .OrderBy(t => t.Item1, StringComparer.Ordinal)
            .ToList();
}
