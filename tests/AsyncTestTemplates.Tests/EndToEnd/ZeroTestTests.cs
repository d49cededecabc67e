using System.IO.Compression;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// No run is green with zero tests: a generated project whose filter matches nothing, or that has no
/// test left, fails under VSTest and under Microsoft.Testing.Platform, and the output says why; an
/// adopted xunit v3 project whose runner cannot see its tests fails its build, naming the runner pin;
/// an async-ci shard whose listed unit runs no test fails, and so does the report.
/// </summary>
public sealed class ZeroTestTests(TemplatePackage package)
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(5);

    [Theory(Timeout = EndToEndLimits.Test)]
    [InlineData(false)]
    [InlineData(true)]
    [Template("async-tests")]
    public async Task A_run_that_executes_no_test_fails_and_says_why(bool testingPlatform)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(testingPlatform, cancellationToken);
        var project = await GeneratedProject.CreateAsync(package, Path.Combine(repository.TestsDirectory, "Acme.Orders.Tests"), cancellationToken,
            "-n", "Acme.Orders.Tests", "--samples", "false");
        await project.BuildAsync(cancellationToken);

        // A filter that matches nothing: the run fails; VSTest's own line names the filter, and under
        // Microsoft.Testing.Platform (whose own line is only "Zero tests ran") the library's does.
        string[] filter = testingPlatform ? ["--filter-class", "Acme.Orders.Tests.NoSuchTests"] : ["--filter", "FullyQualifiedName~NoSuchTests"];
        var filtered = await project.TestBuiltAsync(filter, CommandLimit, cancellationToken);
        Assert.True(filtered.ExitCode != 0, filtered.ToString());
        Assert.Contains(testingPlatform ? "Zero tests ran" : "No test matches the given testcase filter `FullyQualifiedName~NoSuchTests`", filtered.Output, StringComparison.Ordinal);
        if (testingPlatform)
        {
            Assert.Contains("AsyncTestTemplates: no test ran, because the filter matched no test of Acme.Orders.Tests (--filter-class Acme.Orders.Tests.NoSuchTests)", filtered.Output, StringComparison.Ordinal);
            Assert.Contains("dotnet test -p:AsyncTestNoTestsAsError=false", filtered.Output, StringComparison.Ordinal);
        }

        // The opt-out the lines name, under either runner: the same run passes.
        var allowed = await project.TestBuiltAsync(["-p:AsyncTestNoTestsAsError=false", .. filter], CommandLimit, cancellationToken);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());

        // No test left in the project: the build says so, and the run fails.
        File.Delete(Path.Combine(project.Directory, "ExampleTests.cs"));
        var build = await Dotnet.RunAsync(project.Directory, CommandLimit, cancellationToken, "build", "-warnaserror", "-nologo");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("Acme.Orders.Tests has no test yet (no [Fact] or [Theory] in its code), so dotnet test will fail", build.Output, StringComparison.Ordinal);
        var empty = await project.TestBuiltAsync([], CommandLimit, cancellationToken);
        Assert.True(empty.ExitCode != 0, empty.ToString());
        Assert.Contains(testingPlatform ? "Zero tests ran" : "No test is available in", empty.Output, StringComparison.Ordinal);
        if (testingPlatform)
        {
            Assert.Contains("AsyncTestTemplates: no test ran, because Acme.Orders.Tests has no test yet (no [Fact] or [Theory] in its code)", empty.Output, StringComparison.Ordinal);

            // xunit allows one pipeline startup: a project with its own keeps it, and still builds.
            await File.WriteAllTextAsync(Path.Combine(project.Directory, "Startup.cs"), """
                [assembly: Xunit.v3.TestPipelineStartup(typeof(Acme.Orders.Tests.Startup))]

                namespace Acme.Orders.Tests;

                public sealed class Startup : Xunit.v3.ITestPipelineStartup
                {
                    public ValueTask StartAsync(Xunit.Sdk.IMessageSink diagnosticMessageSink) => ValueTask.CompletedTask;

                    public ValueTask StopAsync() => ValueTask.CompletedTask;
                }
                """, cancellationToken);
            var own = await Dotnet.RunAsync(project.Directory, CommandLimit, cancellationToken, "build", "-warnaserror", "-nologo");
            Assert.True(own.ExitCode == 0, own.ToString());
        }
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-tests", "async-ci")]
    public async Task An_xunit_v3_project_whose_runner_cannot_see_its_tests_fails_its_build_naming_the_pin_and_its_shard_and_report_fail()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("zero-tests");
        await RunAsync(root.Path, cancellationToken, "git", "init", "-q");
        // A hand-made xunit v3 project whose VSTest runner is a 2.x one: VSTest sees no test in it, exit 0.
        var directory = root.Combine("tests", "Legacy.Tests");
        var projectFile = await HandMadeProject.WriteAsync(directory, "Legacy.Tests", cancellationToken, globalUsingXunit: true);
        var runner = $"""<PackageReference Include="xunit.runner.visualstudio" Version="{PackageVersions.ByProperty["XunitRunnerVisualStudioVersion"]}" />""";
        var original = await File.ReadAllTextAsync(projectFile, cancellationToken);
        Assert.Contains(runner, original, StringComparison.Ordinal);
        await File.WriteAllTextAsync(projectFile, original.Replace(runner, """<PackageReference Include="xunit.runner.visualstudio" Version="2.5.3" />""", StringComparison.Ordinal), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "OrderTests.cs"), """
            namespace Legacy.Tests;

            public sealed class OrderTests
            {
                [Fact]
                public void Totals_add_up() => Assert.Equal(3, 1 + 2);
            }
            """, cancellationToken);

        // async-ci lists its class for a shard; the shard and the report fail, naming it.
        var ci = await package.NewAsync(root.Path, cancellationToken, "async-ci");
        Assert.True(ci.ExitCode == 0, ci.ToString());
        var shard = await ScriptAsync(root.Path, cancellationToken, "test-shard.sh", "--shard", "1", "--shards", "1");
        Assert.True(shard.ExitCode == 1, shard.ToString());
        Assert.Contains("tests/Legacy.Tests/Legacy.Tests.csproj ran no test of Legacy.Tests.OrderTests, listed for shard 1 of 1", shard.StandardError, StringComparison.Ordinal);
        var report = await ScriptAsync(root.Path, cancellationToken, "test-report.sh", "--results-directory", "TestResults", "--output", Path.Combine("TestResults", "report"));
        Assert.True(report.ExitCode == 1, report.ToString());
        Assert.Contains("- Legacy.Tests.OrderTests was listed and ran no test", report.StandardOutput, StringComparison.Ordinal);

        // Adopting the pack's settings: the build fails, naming the runner's version, where it is set and the fix.
        await RunAsync(directory, cancellationToken, "dotnet", "add", "package", "AsyncTestTemplates.Testing.Settings", "--version", package.Version);
        var build = await Dotnet.RunAsync(directory, CommandLimit, cancellationToken, "build", "-nologo");
        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains($"error ATT022: Legacy.Tests has xunit v3 tests and xunit.runner.visualstudio 2.5.3, which cannot see them: dotnet test would run no test. Set xunit.runner.visualstudio to {PackageVersions.ByProperty["XunitRunnerVisualStudioFloorVersion"]} or later in {projectFile}", build.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template]
    public async Task The_runner_floor_is_the_one_of_Versions_props_and_a_runner_at_the_floor_runs_the_tests()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var floor = PackageVersions.ByProperty["XunitRunnerVisualStudioFloorVersion"];

        // One value: the check and its message read the floor packing wrote from build/Versions.props; the targets hold no copy.
        await using (var settings = await ZipFile.OpenReadAsync(package.SettingsPackagePath, cancellationToken))
        {
            var versions = await ReadEntryAsync(settings, "buildTransitive/AsyncTestTemplates.Testing.Settings.Versions.props", cancellationToken);
            Assert.Contains($"<_AsyncTestRunnerFloor>{floor}</_AsyncTestRunnerFloor>", versions, StringComparison.Ordinal);
            var targets = await ReadEntryAsync(settings, "buildTransitive/AsyncTestTemplates.Testing.Settings.targets", cancellationToken);
            Assert.Contains("VersionLessThan('$(_AsyncTestRunnerVersion)', '$(_AsyncTestRunnerFloor)')", targets, StringComparison.Ordinal);
            Assert.DoesNotContain($"'{floor}'", targets, StringComparison.Ordinal);
            Assert.DoesNotContain($" {floor} or later", targets, StringComparison.Ordinal);
        }

        // At the floor: no ATT022, and the tests run. (Below it, the test above: ATT022 names the floor.)
        using var root = new TemporaryDirectory("runner-floor");
        var directory = root.Combine("Floor.Tests");
        var projectFile = await HandMadeProject.WriteAsync(directory, "Floor.Tests", cancellationToken, globalUsingXunit: true);
        var runner = $"""<PackageReference Include="xunit.runner.visualstudio" Version="{PackageVersions.ByProperty["XunitRunnerVisualStudioVersion"]}" />""";
        var original = await File.ReadAllTextAsync(projectFile, cancellationToken);
        Assert.Contains(runner, original, StringComparison.Ordinal);
        await File.WriteAllTextAsync(projectFile, original.Replace(runner, $"""<PackageReference Include="xunit.runner.visualstudio" Version="{floor}" />""", StringComparison.Ordinal), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "OrderTests.cs"), """
            namespace Floor.Tests;

            public sealed class OrderTests
            {
                [Fact]
                public void Totals_add_up() => Assert.Equal(3, 1 + 2);
            }
            """, cancellationToken);
        await RunAsync(directory, cancellationToken, "dotnet", "add", "package", "AsyncTestTemplates.Testing.Settings", "--version", package.Version);

        var build = await Dotnet.RunAsync(directory, CommandLimit, cancellationToken, "build", "-nologo");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("ATT022", build.Output, StringComparison.Ordinal);
        var test = await Dotnet.RunAsync(directory, CommandLimit, cancellationToken, "test", "--no-build");
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Contains("Passed:     1, Skipped:     0, Total:     1", test.Output, StringComparison.Ordinal);
    }

    private static async Task<string> ReadEntryAsync(ZipArchive archive, string name, CancellationToken cancellationToken)
    {
        var entry = archive.GetEntry(name);
        Assert.True(entry is not null, $"{name} is not in the package: {string.Join(", ", archive.Entries.Select(found => found.FullName))}");
        await using var stream = await entry.OpenAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static Task<ProcessResult> ScriptAsync(string root, CancellationToken cancellationToken, string script, params string[] arguments) =>
        ProcessRunner.RunAsync("bash", [Path.Combine("build", script), .. arguments], root, CommandLimit, cancellationToken);

    private static async Task RunAsync(string directory, CancellationToken cancellationToken, string command, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(command, arguments, directory, CommandLimit, cancellationToken);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
