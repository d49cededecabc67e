using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests;

/// <summary>
/// Every snapshot scenario, keyed by template: a new template is one entry here, a new option one
/// scenario. Each scenario's snapshot is <c>Snapshots/&lt;template&gt;/&lt;scenario&gt;/</c>, its command line
/// recorded inside as <c>command.txt</c>.
/// </summary>
/// <remarks>
/// Project templates get <c>--no-restore</c>: a snapshot is what the engine writes, not a restore.
/// Item templates only run inside a restored C# project (a project-capability constraint) and the
/// verifier runs in an empty folder, so their scenarios pass <c>--force</c> to get past the constraint
/// and <c>--namespace</c> where the project's RootNamespace would come from the project; the
/// <c>no-namespace</c> scenarios show the fallback and its message. The end-to-end tests cover real projects.
/// </remarks>
public static class SnapshotScenarios
{
    private static readonly string[] InProject = ["--namespace", "Acme.Orders.Tests", "--force"];

    /// <summary>Template short name → (scenario name → arguments after the short name).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string[]>> ByTemplate { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string[]>>
        {
            ["async-tests"] = Project(new()
            {
                ["default"] = ["-n", "Acme.Orders.Tests"],
                ["no-samples"] = ["-n", "Acme.Orders.Tests", "--samples", "false"],
                ["vstest"] = ["-n", "Acme.Orders.Tests", "--runner", "vstest", "--samples", "false"],
                ["mtp"] = ["-n", "Acme.Orders.Tests", "--runner", "mtp", "--samples", "false"],
                ["no-coverage"] = ["-n", "Acme.Orders.Tests", "--coverage", "false", "--samples", "false"],
                ["net8"] = ["-n", "Acme.Orders.Tests", "--framework", "net8.0", "--samples", "false"],
                ["timeouts"] = ["-n", "Acme.Orders.Tests", "--test-timeout", "10", "--session-timeout", "5", "--hang-timeout", "20", "--samples", "false"],
                ["analyzers-warning"] = ["-n", "Acme.Orders.Tests", "--analyzers", "warning", "--samples", "false"],
                ["sut"] = ["-n", "Acme.Orders.Tests", "--sut", "../../src/Acme.Orders/Acme.Orders.csproj", "--samples", "false"],
                ["keyword-folder"] = ["-o", "base", "--samples", "false"],
                ["odd-name"] = ["-n", "2024-Ünïcode.System.Tests", "--samples", "false"],
                ["add-to-solution-without-one"] = ["-n", "Acme.Orders.Tests", "--add-to-solution", "--samples", "false"],
            }),
            ["async-hosted-tests"] = Project(new()
            {
                ["default"] = ["-n", "Acme.Worker.Tests"],
                ["no-samples"] = ["-n", "Acme.Worker.Tests", "--samples", "false"],
                ["sut"] = ["-n", "Acme.Worker.Tests", "--samples", "false", "--sut", "../../src/Acme.Worker/Acme.Worker.csproj"],
                ["mtp"] = ["-n", "Acme.Worker.Tests", "--samples", "false", "--runner", "mtp", "--coverage", "false"],
            }),
            ["async-integration-tests"] = Project(new()
            {
                ["default"] = ["-n", "Acme.Api.IntegrationTests"],
                ["postgres"] = ["-n", "Acme.Api.IntegrationTests", "--database", "postgres"],
                ["none"] = ["-n", "Acme.Api.IntegrationTests", "--database", "none"],
                ["no-samples"] = ["-n", "Acme.Api.IntegrationTests", "--samples", "false"],
                ["no-samples-postgres"] = ["-n", "Acme.Api.IntegrationTests", "--samples", "false", "--database", "postgres"],
                ["no-samples-none"] = ["-n", "Acme.Api.IntegrationTests", "--samples", "false", "--database", "none"],
                ["sut"] = ["-n", "Acme.Api.IntegrationTests", "--samples", "false", "--sut", "../../src/Acme.Api/Acme.Api.csproj"],
                ["sut-net8"] = ["-n", "Acme.Api.IntegrationTests", "--samples", "false", "--database", "none", "--framework", "net8.0", "--sut", "../../src/Acme.Api/Acme.Api.csproj"],
                ["net9-mtp"] = ["-n", "Acme.Api.IntegrationTests", "--samples", "false", "--framework", "net9.0", "--runner", "mtp", "--coverage", "false"],
            }),
            ["async-fixture"] = new Dictionary<string, string[]>
            {
                ["class"] = ["-n", "DatabaseFixture", .. InProject],
                ["collection"] = ["-n", "DatabaseFixture", "--scope", "collection", .. InProject],
                ["assembly"] = ["-n", "DatabaseFixture", "--scope", "assembly", .. InProject],
                ["no-helpers"] = ["-n", "DatabaseFixture", "--helpers", "false", .. InProject],
                ["v2-class"] = ["-n", "DatabaseFixture", "--xunit", "v2", .. InProject],
                ["v2-collection"] = ["-n", "DatabaseFixture", "--xunit", "v2", "--scope", "collection", "--helpers", "false", .. InProject],
                ["v2-assembly"] = ["-n", "DatabaseFixture", "--xunit", "v2", "--scope", "assembly", .. InProject],
                ["odd-name"] = ["-n", "2024 db-fixture", .. InProject],
                ["no-namespace"] = ["-n", "DatabaseFixture", "--force"],
                ["odd-namespace"] = ["-n", "DatabaseFixture", "--namespace", "2024-Tests.class", "--force"],
            },
            ["async-test-class"] = new Dictionary<string, string[]>
            {
                ["default"] = ["-n", "OrdersTests", .. InProject],
                ["fixture"] = ["-n", "OrdersTests", "--fixture", "DatabaseFixture", .. InProject],
                ["no-helpers"] = ["-n", "OrdersTests", "--helpers", "false", .. InProject],
                ["v2"] = ["-n", "OrdersTests", "--xunit", "v2", .. InProject],
                ["v2-no-helpers-fixture"] = ["-n", "OrdersTests", "--xunit", "v2", "--helpers", "false", "--fixture", "DatabaseFixture", .. InProject],
                ["keyword-name"] = ["-n", "class", .. InProject],
            },
            // Runs at a repository's root and has no restore to skip.
            ["async-ci"] = new Dictionary<string, string[]>
            {
                ["github"] = [],
                ["github-shards"] = ["--shards", "8"],
                ["azure"] = ["--provider", "azure-pipelines"],
                ["azure-shards"] = ["--provider", "azure-pipelines", "--shards", "2"],
            },
            ["async-test-settings"] = new Dictionary<string, string[]>
            {
                ["default"] = [.. InProject],
                ["warning"] = ["--analyzers", "warning", .. InProject],
                ["error"] = ["--analyzers", "error", .. InProject],
                ["v2"] = ["--xunit", "v2", .. InProject],
                ["timeouts"] = ["--test-timeout", "10", "--hang-timeout", "60", .. InProject],
                ["no-namespace"] = ["--force"],
            },
        };

    /// <summary>Every (template, scenario) pair, for the snapshot theories, each with its template's trait.</summary>
    public static IReadOnlyList<TheoryDataRow<string, string>> All { get; } =
        ByTemplate.SelectMany(template => template.Value.Keys.Select(scenario =>
                new TheoryDataRow<string, string>(template.Key, scenario).WithTrait(TemplateAttribute.TraitName, template.Key)))
            .ToList();

    private static Dictionary<string, string[]> Project(Dictionary<string, string[]> scenarios) =>
        scenarios.ToDictionary(scenario => scenario.Key, scenario => (string[])[.. scenario.Value, "--no-restore"]);
}
