using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests;

/// <summary>
/// The generated files of every template, for every option that changes output (the scenarios of
/// <see cref="SnapshotScenarios"/>), compared with committed snapshots. Accept intended changes with
/// ACCEPT_TEMPLATE_SNAPSHOTS=1 (see CONTRIBUTING.md).
/// </summary>
public sealed class SnapshotTests(TemplatePackage package)
{
    [Theory(Timeout = 120_000)]
    [MemberData(nameof(SnapshotScenarios.All), MemberType = typeof(SnapshotScenarios))]
    public async Task Template_output_matches_its_snapshot(string template, string scenario) =>
        await package.Verifier.VerifyAsync(Options(template, scenario), TestContext.Current.CancellationToken);

    [Fact]
    public void Every_committed_snapshot_belongs_to_a_scenario_and_every_template_has_scenarios()
    {
        var expected = SnapshotScenarios.ByTemplate.SelectMany(template => template.Value.Keys.Select(scenario => $"{template.Key}/{scenario}"));
        var committed = Directory.GetDirectories(Snapshots.Directory)
            .SelectMany(template => Directory.GetDirectories(template).Select(scenario => $"{Path.GetFileName(template)}/{Path.GetFileName(scenario)}"))
            .Where(name => !name.EndsWith(".received", StringComparison.Ordinal));
        var templates = TemplateCatalog.All.Select(template => template.ShortName);

        // A renamed or removed scenario must take its old snapshot with it; a new template needs a row.
        Assert.Equal(expected.Order(StringComparer.Ordinal), committed.Order(StringComparer.Ordinal));
        Assert.Equal(templates.Order(StringComparer.Ordinal), SnapshotScenarios.ByTemplate.Keys.Order(StringComparer.Ordinal));
    }

    private static TemplateVerifierOptions Options(string template, string scenario) => new(template)
    {
        ScenarioName = scenario,
        TemplateArgs = SnapshotScenarios.ByTemplate[template][scenario],
        SnapshotsDirectory = Snapshots.Directory,
        Scrubbers = [Snapshots.PackageVersions],
    };
}
