namespace AsyncTestTemplates.Testing.Tests.Library;

public sealed class RealTimeGuardTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_completed_task_passes_its_result_through()
    {
        var result = await Task.FromResult(42).WaitWithinGuardAsync("the answer", TestContext.Current.CancellationToken);

        Assert.Equal(42, result);
    }

    // xunit applies a Timeout to async tests only: these are async for that.
    [Fact(Timeout = 2_000)]
    public async Task The_limit_is_half_the_running_tests_timeout_when_that_is_under_ten_seconds()
    {
        await Task.Delay(TimeSpan.Zero, TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromSeconds(1), RealTimeGuard.Limit);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_limit_is_ten_seconds_at_most()
    {
        await Task.Delay(TimeSpan.Zero, TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromSeconds(10), RealTimeGuard.Limit);
    }

    [Fact]
    public void Outside_a_timed_test_the_limit_is_ten_seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(10), RealTimeGuard.Limit);

    [Fact(Timeout = 2_000)]
    public async Task A_task_that_never_completes_fails_with_what_was_awaited()
    {
        var never = new TaskCompletionSource().Task;

        var expired = await Assert.ThrowsAsync<TimeoutException>(
            () => never.WaitWithinGuardAsync("the handler to process order 42", TestContext.Current.CancellationToken));

        Assert.Equal("Waited 1 s (real time) for the handler to process order 42, and it did not happen.", expired.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_cancelled_token_cancels_the_wait_instead_of_timing_it_out()
    {
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new TaskCompletionSource<int>().Task.WaitWithinGuardAsync("nothing", cancelled.Token));
    }
}
