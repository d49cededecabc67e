using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// --test-timeout, --session-timeout and --coverage false, built and run: a test that awaits
/// forever fails by the per-test timeout, the run completes on its own, and no coverage is collected.
/// </summary>
[Template("async-tests")]
public sealed class TimeoutOptionTests(TemplatePackage package)
{
    private const string NeverCompletes = """
        namespace Timeouts.Tests;

        public sealed class NeverCompletesTests
        {
            [Fact(Timeout = TestTimeouts.Default)]
            public async Task Awaits_something_that_never_happens() =>
                await new TaskCompletionSource().Task.WaitAsync(TestContext.Current.CancellationToken);
        }
        """;

    [Theory(Timeout = EndToEndLimits.Test)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_test_awaiting_forever_fails_by_its_timeout_and_the_run_completes(bool repositorySelectsMtp)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(repositorySelectsMtp, cancellationToken);
        var project = await GeneratedProject.CreateAsync(
            package, Path.Combine(repository.TestsDirectory, "Timeouts.Tests"), cancellationToken,
            "-n", "Timeouts.Tests", "--samples", "false", "--coverage", "false", "--test-timeout", "3", "--session-timeout", "5");
        await project.WriteFileAsync("NeverCompletesTests.cs", NeverCompletes, cancellationToken);
        await project.BuildAsync(cancellationToken);

        var test = await project.TestAsync(cancellationToken);

        Assert.True(test.ExitCode != 0, test.ToString());
        Assert.Equal((1, 1, 2), project.ReadTrxCounters());
        Assert.Contains("Test execution timed out after 3000 milliseconds", test.Output);
        Assert.Empty(Directory.GetFiles(project.ResultsDirectory, "coverage.cobertura*.xml", SearchOption.AllDirectories));
        // Under VSTest the runsettings asks for no coverage collector either (the package is not referenced).
        Assert.DoesNotContain("Could not find data collector", test.Output, StringComparison.Ordinal);
    }

    private const string OutlastsTheSession = """
        namespace Session.Tests;

        public sealed class OutlastsTheSessionTests
        {
            // Longer than the session (1 minute), and its own Timeout longer still, so that only the
            // session timeout can end the run.
            [Fact(Timeout = 300_000)]
            public async Task Waits_longer_than_the_session() =>
                await Task.Delay(TimeSpan.FromMinutes(4), TimeProvider.System, TestContext.Current.CancellationToken);
        }
        """;

    // The session timeout is one MSBuild property (AsyncTestSessionTimeoutMinutes) for both runners:
    // under Microsoft.Testing.Platform dotnet test passes it on as --timeout (testconfig.json no
    // longer repeats it). MTP ends an aborted session with exit code 3.
    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Under_the_testing_platform_a_run_that_outlasts_the_session_timeout_is_aborted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("session-timeout");
        var project = await GeneratedProject.CreateAsync(
            package, root.Combine("Session.Tests"), cancellationToken,
            "-n", "Session.Tests", "--samples", "false", "--coverage", "false", "--runner", "mtp", "--session-timeout", "1", "--hang-timeout", "60");
        Assert.DoesNotContain("\"timeout\"", await File.ReadAllTextAsync(Path.Combine(project.Directory, "testconfig.json"), cancellationToken), StringComparison.Ordinal);
        await project.WriteFileAsync("OutlastsTheSessionTests.cs", OutlastsTheSession, cancellationToken);
        await project.BuildAsync(cancellationToken);

        var test = await project.TestAsync(cancellationToken);

        Assert.True(test.ExitCode == 3, test.ToString());
    }
}
