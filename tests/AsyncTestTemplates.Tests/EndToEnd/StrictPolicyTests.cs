using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// The strictest analysis a repository can ask for, from a Directory.Build.props above the test
/// projects: every code-quality rule on (<c>AnalysisMode</c> <c>All</c>, and its older name
/// <c>AllEnabledByDefault</c>) and every warning an error. Every template's output, with each
/// option that changes its code, and every item, in xunit v2 and v3 projects with implicit usings
/// off, nullable off or nullable on, builds there with no edits. One build per test checks them all.
/// (What a worker's and a web API's first tests do under strict settings: RepositoryFitTests.)
/// </summary>
public sealed class StrictPolicyTests(TemplatePackage package)
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(6);

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-tests", "async-hosted-tests", "async-integration-tests")]
    public async Task Every_project_template_with_each_option_that_changes_its_code_builds_under_all_analysis_rules_as_errors()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        // The apps under test are the user's own, as they are: the policy is the test projects' (tests/, legacy-tests/).
        await RealWorker.WriteAsync(repository, RealWorker.Shape.ApplicationBuilder, cancellationToken);
        await repository.AddMinimalWebApiAsync("net10.0", cancellationToken);
        var legacyTests = Path.Combine(repository.Root, "legacy-tests");
        Directory.CreateDirectory(legacyTests);
        // tests/ also has a strict code style, nullable on and implicit usings off; legacy-tests/ the older name of All.
        await File.WriteAllTextAsync(Path.Combine(repository.TestsDirectory, "Directory.Build.props"), StrictProps("All", """
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild>

            """), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(repository.TestsDirectory, ".editorconfig"), RepositoryFitTests.StrictEditorConfig, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(legacyTests, "Directory.Build.props"), StrictProps("AllEnabledByDefault"), cancellationToken);

        // Each row adds code the others lack: each template's samples (the web ones on SQLite, and
        // on no database with the in-memory store, Microsoft.Testing.Platform and net8.0's APIs), the
        // minimal tests with the tests of a project under test (the web ones on PostgreSQL, which
        // needs no server to build).
        (string Template, string Directory, string[] Options)[] projects =
        [
            ("async-tests", Path.Combine(repository.TestsDirectory, "Acme.Orders.Tests"), []),
            ("async-hosted-tests", Path.Combine(repository.TestsDirectory, "Acme.Worker.Tests"), ["--samples", "false", "--sut", SampleRepository.WorkerSutArgument]),
            ("async-integration-tests", Path.Combine(repository.TestsDirectory, "Acme.Api.Tests"), ["--samples", "false", "--sut", SampleRepository.WebApiSutArgument, "--database", "postgres"]),
            ("async-integration-tests", Path.Combine(repository.TestsDirectory, "Acme.Store.Tests"), ["--database", "none", "--runner", "mtp", "--framework", "net8.0"]),
            ("async-hosted-tests", Path.Combine(legacyTests, "Acme.Queue.Tests"), []),
            ("async-integration-tests", Path.Combine(legacyTests, "Acme.Shop.Tests"), []),
        ];
        foreach (var (template, directory, options) in projects)
        {
            await GeneratedProject.CreateFromAsync(template, package, directory, cancellationToken, ["-n", Path.GetFileName(directory), .. options]);
        }

        await BuildAllAsync(repository.Root, projects.Select(p => p.Directory), cancellationToken);

        // The samples the analysis changed still pass (a worker's and an API's first tests under strict settings run in RepositoryFitTests).
        foreach (var (directory, tests) in new[]
        {
            (projects[0].Directory, 12),
            (projects[5].Directory, 11),
        })
        {
            var project = GeneratedProject.Existing(directory);
            var test = await project.TestBuiltAsync([], CommandLimit, cancellationToken);
            Assert.True(test.ExitCode == 0, test.ToString());
            Assert.Equal((tests, 0, tests), project.ReadTrxCounters());
        }
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-fixture", "async-test-class", "async-test-settings")]
    public async Task Every_item_builds_under_all_analysis_rules_as_errors_in_xunit_v2_and_v3_projects_with_implicit_usings_or_nullable_off()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("items-strict");
        await File.WriteAllTextAsync(root.Combine("Directory.Build.props"), StrictProps("All"), cancellationToken);
        // Implicit usings off with nullable on, and nullable off (no Nullable property at all, as older
        // projects have): in xunit v3 each, in xunit v2 both at once (the SDK's v2 project, nullable
        // on, is ItemTemplateTests').
        (string Directory, bool XunitV2, bool ImplicitUsings, bool Nullable)[] hosts =
        [
            (root.Combine("V3.NoImplicitUsings.Tests"), false, false, true),
            (root.Combine("V3.NullableOff.Tests"), false, true, false),
            (root.Combine("V2.NoImplicitUsings.NullableOff.Tests"), true, false, false),
        ];
        foreach (var host in hosts)
        {
            await WriteHostProjectAsync(host.Directory, host.XunitV2, host.ImplicitUsings, host.Nullable, cancellationToken);
        }

        // Items read the project (namespace, xunit version): it must be restored first. One restore for all of them.
        var solution = await WriteSolutionAsync(root.Path, hosts.Select(h => h.Directory), cancellationToken);
        var restore = await Dotnet.RunAsync(root.Path, CommandLimit, cancellationToken, "restore", solution, "-nologo");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        // Every item, and each option that changes an item's code (the helpers, a fixture's scope, a test class's fixture).
        await Task.WhenAll(hosts.Select(async host =>
        {
            string[][] items =
            [
                ["async-test-settings"],
                ["async-fixture", "-n", "ServerFixture", "--scope", "assembly"],
                ["async-fixture", "-n", "DatabaseFixture", "--scope", "collection", "--helpers", "false"],
                ["async-test-class", "-n", "OrdersTests", "--fixture", "ServerFixture"],
                ["async-test-class", "-n", "PlainTests", "--helpers", "false"],
            ];
            foreach (var item in items)
            {
                var result = await package.NewAsync(host.Directory, cancellationToken, item);
                Assert.True(result.ExitCode == 0, result.ToString());
            }
        }));

        // Each flavour got its own files: xunit v2 the self-contained helpers, v3 the library.
        Assert.True(File.Exists(Path.Combine(hosts[2].Directory, "RealTimeGuard.cs")));
        Assert.False(File.Exists(Path.Combine(hosts[0].Directory, "RealTimeGuard.cs")));

        await BuildAllAsync(root.Path, hosts.Select(h => h.Directory), cancellationToken);

        // One run per xunit: OrdersTests 2 (fake time, the fixture), PlainTests 1.
        foreach (var host in new[] { hosts[0], hosts[2] })
        {
            var test = await Dotnet.RunAsync(host.Directory, CommandLimit, cancellationToken, "test", "--no-build");
            Assert.True(test.ExitCode == 0, test.ToString());
            Assert.Contains("Passed:     3, Skipped:     0, Total:     3", test.StandardOutput, StringComparison.Ordinal);
        }
    }

    private static string StrictProps(string analysisMode, string more = "") => $"""
        <Project>
          <PropertyGroup>
            <AnalysisMode>{analysisMode}</AnalysisMode>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
        {more}  </PropertyGroup>
        </Project>
        """;

    /// <summary>
    /// Restores and builds every project of <paramref name="projectDirectories"/> in one build (a
    /// solution of them), every warning an error; the failure lists each diagnostic with its file.
    /// </summary>
    private static async Task<ProcessResult> BuildAllAsync(string root, IEnumerable<string> projectDirectories, CancellationToken cancellationToken)
    {
        var solution = await WriteSolutionAsync(root, projectDirectories, cancellationToken);
        var build = await Dotnet.RunAsync(root, CommandLimit, cancellationToken, "build", solution, "-warnaserror", "-nologo");
        var diagnostics = build.Output.Split('\n')
            .Where(line => line.Contains(": error ", StringComparison.Ordinal) || line.Contains(": warning ", StringComparison.Ordinal))
            .Distinct();
        Assert.True(build.ExitCode == 0, $"{string.Join('\n', diagnostics)}\n\n{build}");
        Assert.Empty(build.WarningLines);
        return build;
    }

    private static async Task<string> WriteSolutionAsync(string root, IEnumerable<string> projectDirectories, CancellationToken cancellationToken)
    {
        var solution = Path.Combine(root, "Strict.slnx");
        var projects = projectDirectories.Select(directory => Path.GetRelativePath(root, Path.Combine(directory, Path.GetFileName(directory) + ".csproj")));
        await File.WriteAllTextAsync(solution, $"""
            <Solution>
            {string.Join('\n', projects.Select(project => $"  <Project Path=\"{project.Replace('\\', '/')}\" />"))}
            </Solution>
            """, cancellationToken);
        return solution;
    }

    /// <summary>A test project as a user wrote it: xunit v3 (VSTest flavour) or v2, with the given settings.</summary>
    private static Task WriteHostProjectAsync(string directory, bool xunitV2, bool implicitUsings, bool nullable, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        // xunit v3 test projects are executables; v2 ones are libraries that the test SDK runs.
        var xunit = xunitV2
            ? $"""<PackageReference Include="xunit" Version="{PackageVersions.ByProperty["XunitV2Version"]}" />"""
            : $"""<PackageReference Include="xunit.v3.mtp-off" Version="{PackageVersions.ByProperty["XunitV3Version"]}" />""";
        var outputType = xunitV2 ? "" : "\n    <OutputType>Exe</OutputType>";
        return File.WriteAllTextAsync(Path.Combine(directory, Path.GetFileName(directory) + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>{(implicitUsings ? "enable" : "disable")}</ImplicitUsings>{(nullable ? "\n    <Nullable>enable</Nullable>" : "")}{outputType}
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                {xunit}
                <PackageReference Include="xunit.runner.visualstudio" Version="{PackageVersions.ByProperty["XunitRunnerVisualStudioVersion"]}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{PackageVersions.ByProperty["MicrosoftNETTestSdkVersion"]}" />
              </ItemGroup>
            </Project>
            """, cancellationToken);
    }
}
