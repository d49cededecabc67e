using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Localization;
using AsyncTestTemplates.Authoring.Validation;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.Authoring;

/// <summary>This repository's templates pass every rule and carry current localization files in all fourteen cultures.</summary>
public sealed class RealTemplateTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_template_validates_without_any_finding()
    {
        var findings = await TemplateValidator.ValidateAsync(RepositoryPaths.Templates, RepositoryPaths.VersionsFile, CancellationToken);

        // The item templates name their file through a generated symbol that makes any name a valid
        // C# type name, deliberately instead of sourceName, and async-ci writes files whose names are
        // fixed (a workflow, two scripts): the engine's MV005 notes that, as info.
        Assert.Equal(
            TemplateCatalog.OtherThanProjectTemplates,
            findings.Where(f => f is { Severity: Severity.Info, Code: "MV005" }).Select(f => Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(f.File)))).Order());
        Assert.Empty(findings.Where(f => f is not { Severity: Severity.Info, Code: "MV005" }).Select(f => f.ToString()));
    }

    [Fact]
    public async Task Every_committed_localization_file_is_current_in_every_culture()
    {
        var findings = await Localizer.LocalizeAsync(RepositoryPaths.Templates, checkOnly: true, CancellationToken);

        Assert.Empty(findings.Select(f => f.ToString()));
    }
}
