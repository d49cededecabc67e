using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>
/// The pack's templates, as the authoring tool's catalogue reads them (the same list the scripts get
/// from <c>TemplateAuthoring templates</c>), so that a new template is picked up by every test that
/// covers all of them.
/// </summary>
public static class TemplateCatalog
{
    /// <summary>Every template: short name and kind, in name order.</summary>
    public static IReadOnlyList<CatalogueEntry> All { get; } = TemplateCatalogue.Read(RepositoryPaths.Templates);

    /// <summary>Test-project templates: <c>tags.type</c> "project" with the "Test" classification.</summary>
    public static TheoryData<string> ProjectTemplates { get; } =
        new(All.Where(t => t.Kind == TemplateKind.TestProject).Select(t => t.ShortName));

    /// <summary>Item templates: <c>tags.type</c> "item".</summary>
    public static IReadOnlyList<string> ItemTemplates { get; } =
        All.Where(t => t.Kind == TemplateKind.Item).Select(t => t.ShortName).ToList();

    /// <summary>Every template but project templates (items, and async-ci at a repository's root), in name order.</summary>
    public static IReadOnlyList<string> OtherThanProjectTemplates { get; } =
        All.Where(t => t.Kind != TemplateKind.TestProject).Select(t => t.ShortName).ToList();
}
