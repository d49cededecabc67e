using AsyncTestTemplates.Tests.Infrastructure;
using AsyncTestTemplates.Tests.Verification;

namespace AsyncTestTemplates.Tests;

/// <summary>
/// The generated files of every option that changes output, compared with committed snapshots.
/// Accept intended changes with ACCEPT_TEMPLATE_SNAPSHOTS=1 (see README).
/// </summary>
public sealed class SnapshotTests(TemplatePackage package)
{
    public static TheoryData<string, string[]> AsyncTestsScenarios { get; } = new()
    {
        { "default", ["-n", "Acme.Orders.Tests"] },
        { "no-samples", ["-n", "Acme.Orders.Tests", "--samples", "false"] },
        { "vstest", ["-n", "Acme.Orders.Tests", "--runner", "vstest", "--samples", "false"] },
        { "mtp", ["-n", "Acme.Orders.Tests", "--runner", "mtp", "--samples", "false"] },
        { "no-coverage", ["-n", "Acme.Orders.Tests", "--coverage", "false", "--samples", "false"] },
        { "net8", ["-n", "Acme.Orders.Tests", "--framework", "net8.0", "--samples", "false"] },
        { "timeouts", ["-n", "Acme.Orders.Tests", "--test-timeout", "10", "--session-timeout", "5", "--hang-timeout", "20", "--samples", "false"] },
        { "analyzers-warning", ["-n", "Acme.Orders.Tests", "--analyzers", "warning", "--samples", "false"] },
        { "sut", ["-n", "Acme.Orders.Tests", "--sut", "../../src/Acme.Orders/Acme.Orders.csproj", "--samples", "false"] },
        { "keyword-folder", ["-o", "base", "--samples", "false"] },
        { "odd-name", ["-n", "2024-Ünïcode.System.Tests", "--samples", "false"] },
        { "add-to-solution-without-one", ["-n", "Acme.Orders.Tests", "--add-to-solution", "--samples", "false"] },
    };

    public static TheoryData<string, string[]> AsyncHostedTestsScenarios { get; } = new()
    {
        { "default", ["-n", "Acme.Worker.Tests"] },
        { "no-samples", ["-n", "Acme.Worker.Tests", "--samples", "false"] },
        { "sut", ["-n", "Acme.Worker.Tests", "--samples", "false", "--sut", "../../src/Acme.Worker/Acme.Worker.csproj"] },
        { "mtp", ["-n", "Acme.Worker.Tests", "--samples", "false", "--runner", "mtp", "--coverage", "false"] },
    };

    public static TheoryData<string, string[]> AsyncIntegrationTestsScenarios { get; } = new()
    {
        { "default", ["-n", "Acme.Api.IntegrationTests"] },
        { "postgres", ["-n", "Acme.Api.IntegrationTests", "--database", "postgres"] },
        { "none", ["-n", "Acme.Api.IntegrationTests", "--database", "none"] },
        { "no-samples", ["-n", "Acme.Api.IntegrationTests", "--samples", "false"] },
        { "no-samples-postgres", ["-n", "Acme.Api.IntegrationTests", "--samples", "false", "--database", "postgres"] },
        { "no-samples-none", ["-n", "Acme.Api.IntegrationTests", "--samples", "false", "--database", "none"] },
        { "sut", ["-n", "Acme.Api.IntegrationTests", "--samples", "false", "--sut", "../../src/Acme.Api/Acme.Api.csproj"] },
        { "sut-net8", ["-n", "Acme.Api.IntegrationTests", "--samples", "false", "--database", "none", "--framework", "net8.0", "--sut", "../../src/Acme.Api/Acme.Api.csproj"] },
        { "net9-mtp", ["-n", "Acme.Api.IntegrationTests", "--samples", "false", "--framework", "net9.0", "--runner", "mtp", "--coverage", "false"] },
    };

    /// <summary>async-ci runs at a repository's root and has no restore to skip: its rows take no --no-restore.</summary>
    public static TheoryData<string, string[]> AsyncCiScenarios { get; } = new()
    {
        { "github", [] },
        { "github-shards", ["--shards", "8"] },
        { "azure", ["--provider", "azure-pipelines"] },
        { "azure-shards", ["--provider", "azure-pipelines", "--shards", "2"] },
        { "zero-shards", ["--shards", "0"] },
    };

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(AsyncCiScenarios))]
    public async Task AsyncCi(string scenario, string[] arguments) =>
        await new TemplateVerifier(package).VerifyAsync(Options("async-ci", scenario, arguments, restores: false), nameof(AsyncCi), TestContext.Current.CancellationToken);

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(AsyncIntegrationTestsScenarios))]
    public async Task AsyncIntegrationTests(string scenario, string[] arguments) =>
        await new TemplateVerifier(package).VerifyAsync(Options("async-integration-tests", scenario, arguments), nameof(AsyncIntegrationTests), TestContext.Current.CancellationToken);

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(AsyncHostedTestsScenarios))]
    public async Task AsyncHostedTests(string scenario, string[] arguments) =>
        await new TemplateVerifier(package).VerifyAsync(Options("async-hosted-tests", scenario, arguments), nameof(AsyncHostedTests), TestContext.Current.CancellationToken);

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(AsyncTestsScenarios))]
    public async Task AsyncTests(string scenario, string[] arguments) =>
        await new TemplateVerifier(package).VerifyAsync(Options("async-tests", scenario, arguments), nameof(AsyncTests), TestContext.Current.CancellationToken);

    [Fact]
    public void Every_verified_snapshot_belongs_to_a_scenario()
    {
        var expected = AsyncTestsScenarios.Select(row => SnapshotFolder("async-tests", row, nameof(AsyncTests)))
            .Concat(AsyncHostedTestsScenarios.Select(row => SnapshotFolder("async-hosted-tests", row, nameof(AsyncHostedTests))))
            .Concat(AsyncIntegrationTestsScenarios.Select(row => SnapshotFolder("async-integration-tests", row, nameof(AsyncIntegrationTests))))
            .Concat(AsyncCiScenarios.Select(row => SnapshotFolder("async-ci", row, nameof(AsyncCi), restores: false)))
            .Concat(ItemSnapshotTests.ExpectedSnapshotNames);
        var committed = Directory.GetDirectories(Snapshots.Directory, "*.verified").Select(Path.GetFileName);

        // A renamed or removed scenario must take its old snapshot with it.
        Assert.Equal(expected.Order(StringComparer.Ordinal), committed.Order(StringComparer.Ordinal));
    }

    private static string SnapshotFolder(string template, TheoryDataRow<string, string[]> row, string caller, bool restores = true) =>
        TemplateVerifier.SnapshotName(Options(template, row.Data.Item1, row.Data.Item2, restores), caller) + ".verified";

    private static TemplateVerifierOptions Options(string template, string scenario, string[] arguments, bool restores = true) => new(template)
    {
        ScenarioName = scenario,
        TemplateArgs = restores ? [.. arguments, "--no-restore"] : arguments,
        SnapshotsDirectory = Snapshots.Directory,
        Scrubbers = [Snapshots.PackageVersions],
    };
}
