using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// The hang guard respects a test's own timeout, and the library's real-time guard is the project's
/// to set (issue #26): a generated project with a 15 s hang timeout runs a test that legitimately
/// takes 25 s (its Timeout is 40 s) to a pass, naming it once as long-running; the project file's
/// AsyncTestRealTimeGuardSeconds reaches the test, and the environment variable wins over it. The
/// one slow run of the suite: 25 s of real time.
/// </summary>
[Template("async-tests")]
public sealed class HangGuardTimeoutTests(TemplatePackage package)
{
    private const string SlowTests = """
        using System.Globalization;

        namespace Acme.Slow.Tests;

        public sealed class SlowTests
        {
            // Longer than the hang timeout (15 s) and within its own Timeout: the hang guard waits for it.
            [Fact(Timeout = 40_000)]
            public async Task Runs_for_25_seconds_of_real_time() =>
                await Task.Delay(TimeSpan.FromSeconds(25), TimeProvider.System, TestContext.Current.CancellationToken);

            // EXPECTED_GUARD_SECONDS is the end-to-end test's own variable: what it set the knob to.
            [Fact(Timeout = TestTimeouts.Default)]
            public async Task The_real_time_guard_is_the_one_configured()
            {
                await Task.Delay(TimeSpan.Zero, TimeProvider.System, TestContext.Current.CancellationToken);
                var expected = double.Parse(Environment.GetEnvironmentVariable("EXPECTED_GUARD_SECONDS") ?? "12", CultureInfo.InvariantCulture);
                Assert.Equal(TimeSpan.FromSeconds(expected), RealTimeGuard.Limit);
            }
        }
        """;

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task A_test_whose_own_timeout_outlasts_the_hang_timeout_passes_and_the_real_time_guard_follows_the_project_then_the_environment()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("hang-guard-timeout");
        var project = await GeneratedProject.CreateAsync(
            package, root.Combine("Acme.Slow.Tests"), cancellationToken, "-n", "Acme.Slow.Tests", "--samples", "false", "--runner", "vstest", "--hang-timeout", "15");
        await project.WriteFileAsync("SlowTests.cs", SlowTests, cancellationToken);
        var projectFile = Path.Combine(project.Directory, "Acme.Slow.Tests.csproj");
        var text = await File.ReadAllTextAsync(projectFile, cancellationToken);
        await File.WriteAllTextAsync(
            projectFile,
            text.Replace("</Project>", "  <PropertyGroup>\n    <AsyncTestRealTimeGuardSeconds>12</AsyncTestRealTimeGuardSeconds>\n  </PropertyGroup>\n</Project>", StringComparison.Ordinal),
            cancellationToken);
        await project.BuildAsync(cancellationToken);

        var test = await project.TestAsync(cancellationToken);

        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Equal((3, 0, 3), project.ReadTrxCounters());
        const string LongRunning = "[long-running test] 'Acme.Slow.Tests.SlowTests.Runs_for_25_seconds_of_real_time' is still running after";
        Assert.True(CountOf(test.Output, LongRunning) == 1, test.ToString());
        Assert.True(CountOf(test.Output, "is within its own Timeout (40 s): the run goes on until that has passed.") == 1, test.ToString());
        Assert.DoesNotContain("the test process ends itself", test.Output, StringComparison.Ordinal);

        Directory.Delete(project.ResultsDirectory, recursive: true);
        var fromEnvironment = await Dotnet.RunAsync(
            project.Directory,
            TimeSpan.FromMinutes(3),
            new Dictionary<string, string?> { ["ASYNCTESTTEMPLATES_REAL_TIME_GUARD_SECONDS"] = "7", ["EXPECTED_GUARD_SECONDS"] = "7" },
            cancellationToken,
            "test", "--no-build", "--filter", "FullyQualifiedName~The_real_time_guard_is_the_one_configured");

        Assert.True(fromEnvironment.ExitCode == 0, fromEnvironment.ToString());
        Assert.Equal((1, 0, 1), project.ReadTrxCounters());
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
