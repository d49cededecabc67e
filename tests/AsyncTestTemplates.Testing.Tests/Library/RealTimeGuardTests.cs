namespace AsyncTestTemplates.Testing.Tests.Library;

/// <remarks>
/// This project sets the guard to 12 s in its project file (AsyncTestRealTimeGuardSeconds, through
/// the package's build file): the limits below are that, or half a test's timeout when less.
/// </remarks>
public sealed class RealTimeGuardTests
{
    private const string Knob = "The limit is the real-time guard: the MSBuild property AsyncTestRealTimeGuardSeconds for the project, " +
        "or the environment variable ASYNCTESTTEMPLATES_REAL_TIME_GUARD_SECONDS for one slow machine (it wins).";

    [Fact(Timeout = 30_000)]
    public async Task A_completed_task_passes_its_result_through()
    {
        var result = await Task.FromResult(42).WaitWithinGuardAsync("the answer", TestContext.Current.CancellationToken);

        Assert.Equal(42, result);
    }

    // xunit applies a Timeout to async tests only: these are async for that.
    [Fact(Timeout = 2_000)]
    public async Task The_limit_is_half_the_running_tests_timeout_when_that_is_under_the_guard()
    {
        await Task.Delay(TimeSpan.Zero, TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromSeconds(1), RealTimeGuard.Limit);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_project_file_s_AsyncTestRealTimeGuardSeconds_reaches_the_runtime_configuration_and_sets_the_limit()
    {
        await Task.Delay(TimeSpan.Zero, TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Equal("12", AppContext.GetData("AsyncTestTemplates.RealTimeGuardSeconds"));
        Assert.Equal(TimeSpan.FromSeconds(12), Budgets.Guard(fromEnvironment: null, AppContext.GetData("AsyncTestTemplates.RealTimeGuardSeconds") as string));
        Assert.Equal(Budgets.RealTimeGuard, RealTimeGuard.Limit);
    }

    [Fact]
    public void Outside_a_timed_test_the_limit_is_the_configured_guard() =>
        Assert.Equal(Budgets.RealTimeGuard, RealTimeGuard.Limit);

    [Fact]
    public void LimitSource_names_the_knobs_that_set_the_limit() =>
        Assert.Equal(Knob, RealTimeGuard.LimitSource);

    [Fact(Timeout = 2_000)]
    public async Task LimitSource_names_the_test_s_own_timeout_when_half_of_it_is_the_limit()
    {
        await Task.Delay(TimeSpan.Zero, TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.StartsWith("The limit is half this test's Timeout (2 s)", RealTimeGuard.LimitSource, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_variable_wins_over_the_project_file_and_nothing_set_means_ten_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), Budgets.Guard("3", "12"));
        Assert.Equal(TimeSpan.FromSeconds(2.5), Budgets.Guard("2.5", null));
        Assert.Equal(TimeSpan.FromSeconds(12), Budgets.Guard("", "12"));
        Assert.Equal(TimeSpan.FromSeconds(10), Budgets.Guard(null, null));
    }

    [Theory]
    [InlineData("soon", null, "The environment variable ASYNCTESTTEMPLATES_REAL_TIME_GUARD_SECONDS is 'soon': it must be a number of seconds more than zero")]
    [InlineData(null, "0", "The MSBuild property AsyncTestRealTimeGuardSeconds (runtime configuration option AsyncTestTemplates.RealTimeGuardSeconds) is '0': it must be")]
    [InlineData("-5", "12", "The environment variable ASYNCTESTTEMPLATES_REAL_TIME_GUARD_SECONDS is '-5'")]
    public void A_guard_that_is_not_a_positive_number_of_seconds_is_a_clear_error(string? fromEnvironment, string? fromBuild, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Budgets.Guard(fromEnvironment, fromBuild));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 2_000)]
    public async Task A_task_that_never_completes_fails_with_what_was_awaited_and_where_the_limit_is_set()
    {
        var never = new TaskCompletionSource().Task;

        var expired = await Assert.ThrowsAsync<TimeoutException>(
            () => never.WaitWithinGuardAsync("the handler to process order 42", TestContext.Current.CancellationToken));

        Assert.Equal(
            "Waited 1 s (real time) for the handler to process order 42, and it did not happen. The limit is half this test's Timeout (2 s), " +
            "which is less than the real-time guard: the MSBuild property AsyncTestRealTimeGuardSeconds for the project, " +
            "or the environment variable ASYNCTESTTEMPLATES_REAL_TIME_GUARD_SECONDS for one slow machine (it wins).",
            expired.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_cancelled_token_cancels_the_wait_instead_of_timing_it_out()
    {
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new TaskCompletionSource<int>().Task.WaitWithinGuardAsync("nothing", cancelled.Token));
    }

    /// <summary>
    /// The environment variable, set in this process: in a collection that runs alone, since every
    /// test reading the guard meanwhile would see it.
    /// </summary>
    [Collection(nameof(ProcessEnvironment))]
    public sealed class FromTheEnvironment
    {
        [Fact(Timeout = 30_000)]
        public async Task ASYNCTESTTEMPLATES_REAL_TIME_GUARD_SECONDS_sets_the_limit_over_the_project_file_and_the_message_names_it()
        {
            var before = Environment.GetEnvironmentVariable(Budgets.GuardVariable);
            try
            {
                Environment.SetEnvironmentVariable(Budgets.GuardVariable, "0.5");
                Assert.Equal(TimeSpan.FromSeconds(0.5), RealTimeGuard.Limit);

                var expired = await Assert.ThrowsAsync<TimeoutException>(
                    () => new TaskCompletionSource().Task.WaitWithinGuardAsync("a reply", TestContext.Current.CancellationToken));
                Assert.Equal($"Waited 0.5 s (real time) for a reply, and it did not happen. {Knob}", expired.Message);

                Environment.SetEnvironmentVariable(Budgets.GuardVariable, "soon");
                var bad = Assert.Throws<InvalidOperationException>(() => RealTimeGuard.Limit);
                Assert.Contains(Budgets.GuardVariable, bad.Message, StringComparison.Ordinal);
            }
            finally
            {
                Environment.SetEnvironmentVariable(Budgets.GuardVariable, before);
            }
        }
    }
}

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;
