using AsyncTestTemplates.Tests.Infrastructure;
using AsyncTestTemplates.Tests.Verification;

namespace AsyncTestTemplates.Tests;

/// <summary>
/// The generated files of the item templates, for every scope and option that changes output,
/// compared with committed snapshots (accept intended changes with ACCEPT_TEMPLATE_SNAPSHOTS=1).
/// </summary>
/// <remarks>
/// Item templates only run inside a restored C# project (a project-capability constraint), and the
/// verifier runs in an empty folder: each scenario passes <c>--force</c> to get past the constraint,
/// and <c>--namespace</c> where the project's RootNamespace would come from the project. The
/// <c>no-namespace</c> scenarios show the fallback and its message. The end-to-end tests cover
/// real projects.
/// </remarks>
public sealed class ItemSnapshotTests(TemplatePackage package)
{
    private static readonly string[] InProject = ["--namespace", "Acme.Orders.Tests", "--force"];

    public static TheoryData<string, string[]> AsyncFixtureScenarios { get; } = new()
    {
        { "class", ["-n", "DatabaseFixture", .. InProject] },
        { "collection", ["-n", "DatabaseFixture", "--scope", "collection", .. InProject] },
        { "assembly", ["-n", "DatabaseFixture", "--scope", "assembly", .. InProject] },
        { "no-helpers", ["-n", "DatabaseFixture", "--helpers", "false", .. InProject] },
        { "v2-class", ["-n", "DatabaseFixture", "--xunit", "v2", .. InProject] },
        { "v2-collection", ["-n", "DatabaseFixture", "--xunit", "v2", "--scope", "collection", "--helpers", "false", .. InProject] },
        { "v2-assembly", ["-n", "DatabaseFixture", "--xunit", "v2", "--scope", "assembly", .. InProject] },
        { "odd-name", ["-n", "2024 db-fixture", .. InProject] },
        { "no-namespace", ["-n", "DatabaseFixture", "--force"] },
        { "odd-namespace", ["-n", "DatabaseFixture", "--namespace", "2024-Tests.class", "--force"] },
    };

    public static TheoryData<string, string[]> AsyncTestClassScenarios { get; } = new()
    {
        { "default", ["-n", "OrdersTests", .. InProject] },
        { "fixture", ["-n", "OrdersTests", "--fixture", "DatabaseFixture", .. InProject] },
        { "no-helpers", ["-n", "OrdersTests", "--helpers", "false", .. InProject] },
        { "v2", ["-n", "OrdersTests", "--xunit", "v2", .. InProject] },
        { "v2-no-helpers-fixture", ["-n", "OrdersTests", "--xunit", "v2", "--helpers", "false", "--fixture", "DatabaseFixture", .. InProject] },
        { "keyword-name", ["-n", "class", .. InProject] },
    };

    public static TheoryData<string, string[]> AsyncTestSettingsScenarios { get; } = new()
    {
        { "default", [.. InProject] },
        { "warning", ["--analyzers", "warning", .. InProject] },
        { "v2", ["--xunit", "v2", .. InProject] },
        { "timeouts", ["--test-timeout", "10", "--hang-timeout", "60", .. InProject] },
        { "no-namespace", ["--force"] },
    };

    /// <summary>Every snapshot folder these scenarios own, for the orphan check in <see cref="SnapshotTests"/>.</summary>
    public static IEnumerable<string> ExpectedSnapshotNames =>
        Names("async-fixture", nameof(AsyncFixture), AsyncFixtureScenarios)
            .Concat(Names("async-test-class", nameof(AsyncTestClass), AsyncTestClassScenarios))
            .Concat(Names("async-test-settings", nameof(AsyncTestSettings), AsyncTestSettingsScenarios));

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(AsyncFixtureScenarios))]
    public async Task AsyncFixture(string scenario, string[] arguments) =>
        await new TemplateVerifier(package).VerifyAsync(Options("async-fixture", scenario, arguments), nameof(AsyncFixture), TestContext.Current.CancellationToken);

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(AsyncTestClassScenarios))]
    public async Task AsyncTestClass(string scenario, string[] arguments) =>
        await new TemplateVerifier(package).VerifyAsync(Options("async-test-class", scenario, arguments), nameof(AsyncTestClass), TestContext.Current.CancellationToken);

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(AsyncTestSettingsScenarios))]
    public async Task AsyncTestSettings(string scenario, string[] arguments) =>
        await new TemplateVerifier(package).VerifyAsync(Options("async-test-settings", scenario, arguments), nameof(AsyncTestSettings), TestContext.Current.CancellationToken);

    private static IEnumerable<string> Names(string template, string caller, TheoryData<string, string[]> scenarios) =>
        scenarios.Select(row => TemplateVerifier.SnapshotName(Options(template, row.Data.Item1, row.Data.Item2), caller) + ".verified");

    private static TemplateVerifierOptions Options(string template, string scenario, string[] arguments) => new(template)
    {
        ScenarioName = scenario,
        TemplateArgs = arguments,
        SnapshotsDirectory = Snapshots.Directory,
        Scrubbers = [Snapshots.PackageVersions],
    };
}
