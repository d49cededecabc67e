namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs the guide's statements about what xunit v3 (on Microsoft.Testing.Platform) itself does, each
/// shown by a real run of a deliberately failing test class in tests/Subjects/ClaimSubjects.
/// </summary>
public sealed class XunitRunTests
{
    private const string TimedOut = "Test execution timed out after 300 milliseconds";

    /// <summary>§ 1 "Every test has a timeout" and § 8's "one test" row: the test fails, the run goes on.</summary>
    [Fact(Timeout = 60_000)]
    [Trait(GuideSection.Trait, GuideSection.Configuration)]
    public async Task A_timeout_fails_a_test_that_hands_its_token_on()
    {
        var run = await ClaimSubjects.RunAsync("TimeoutHonoured", TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == SubjectRun.TestsFailed && run.Output.Contains(TimedOut, StringComparison.Ordinal), run.ToString());
    }

    /// <summary>
    /// § 1 "Every test has a timeout" (FIELD-NOTES: "A timeout cancels the token but does not abort the
    /// test's code"): a test that ignores its token fails on time as well, and its code runs on.
    /// </summary>
    [Fact(Timeout = 60_000)]
    [Trait(GuideSection.Trait, GuideSection.Configuration)]
    public async Task A_timeout_fails_a_test_that_ignores_its_token_but_does_not_stop_its_code()
    {
        var run = await ClaimSubjects.RunAsync("TimeoutIgnored", TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == SubjectRun.TestsFailed && run.Output.Contains(TimedOut, StringComparison.Ordinal), run.ToString());
        Assert.True(
            run.Output.Contains("[claim] the timed-out test's code ran on after its timeout; its token was cancelled: True", StringComparison.Ordinal),
            run.ToString());
    }

    /// <summary>§ 2 "Bound the setup, survive the teardown": a throwing fixture teardown fails the run although every test passed.</summary>
    [Fact(Timeout = 60_000)]
    [Trait(GuideSection.Trait, GuideSection.Fixtures)]
    public async Task A_fixture_whose_teardown_throws_fails_the_run_after_its_tests_passed()
    {
        var run = await ClaimSubjects.RunAsync("TeardownSubjects", TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == SubjectRun.TestsFailed, run.ToString());
        Assert.Contains("[Test Class Cleanup Failure (ClaimSubjects.TeardownSubjects.", run.Output, StringComparison.Ordinal);
        Assert.Contains("threw in DisposeAsync", run.Output, StringComparison.Ordinal);
        Assert.Contains("[claim] teardown failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("succeeded: 1", run.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// "The rules" (the thread left running after the last test) and the remarks of
    /// templates/_shared/LeftoverThreads.cs: xunit waits <c>shutdownForegroundThreadWaitSeconds</c>
    /// (1 s in the subject's xunit.runner.json), then fails the run without naming the test or the thread.
    /// </summary>
    [Fact(Timeout = 60_000)]
    [Trait(GuideSection.Trait, GuideSection.Rules)]
    public async Task A_foreground_thread_left_running_fails_a_run_whose_tests_passed_without_naming_it()
    {
        var run = await ClaimSubjects.RunAsync("ForegroundThreadSubjects", TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode is not 0, run.ToString());
        Assert.Contains("Passed!", run.Output, StringComparison.Ordinal);
        Assert.Contains("Waiting 1 seconds for foreground threads to exit...", run.Output, StringComparison.Ordinal);
        var fatal = Assert.Single(run.Output.Split('\n'), line => line.Contains("[FATAL ERROR]", StringComparison.Ordinal));
        Assert.Equal("[FATAL ERROR] Foreground threads were left running, forcing process exit", fatal.Trim());
    }

    /// <summary>
    /// § 4 "Nothing is fire-and-forget" and common mistake 7: a task nobody awaits that throws fails
    /// nothing by itself; the runtime reports it as unobserved and xunit's run still passes.
    /// (With the pack's TestRunGuard the run fails: covered by the generated projects' tests.)
    /// </summary>
    [Fact(Timeout = 60_000)]
    [Trait(GuideSection.Trait, GuideSection.BackgroundWork)]
    public async Task A_fire_and_forget_task_that_throws_fails_nothing_by_itself()
    {
        var run = await ClaimSubjects.RunAsync("FireAndForgetSubjects", TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("[claim] unobserved task exception reported: thrown where nobody awaits it", run.Output, StringComparison.Ordinal);
        Assert.Contains("Passed!", run.Output, StringComparison.Ordinal);
    }
}
