namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs: the remarks of src/AsyncTestTemplates.Testing/Time/TimerAwareFakeTimeProvider.cs ("Every timer
/// created through the provider is tracked": <c>Task.Delay</c>, <c>PeriodicTimer</c>,
/// <c>CancellationTokenSource</c> and <c>Task.WaitAsync</c> with a <see cref="TimeProvider"/> each
/// create their timer through <see cref="TimeProvider.CreateTimer"/>, which is what the provider
/// watches), and the guide's "a timeout armed first never takes the code's turn".
/// </summary>
[Trait(GuideSection.Trait, GuideSection.FakeTime)]
public sealed class TimersThroughTheProviderTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact(Timeout = 10_000)]
    public async Task Task_Delay_PeriodicTimer_CancellationTokenSource_and_WaitAsync_each_create_a_timer_on_the_provider()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new ArmedTimerProvider();

        var delay = Task.Delay(Hour, time, cancellationToken);
        Assert.Equal(Hour, await time.WaitForTimerAsync(cancellationToken));

        using var periodic = new PeriodicTimer(Hour, time);
        Assert.Equal(Hour, await time.WaitForTimerAsync(cancellationToken));

        using var cancelAfter = new CancellationTokenSource(Hour, time);
        Assert.Equal(Hour, await time.WaitForTimerAsync(cancellationToken));

        var bounded = new TaskCompletionSource().Task.WaitAsync(Hour, time, cancellationToken);
        Assert.Equal(Hour, await time.WaitForTimerAsync(cancellationToken));

        Assert.Equal(4, time.TimersCreated);
        time.Advance(Hour);
        await delay;
        Assert.True(cancelAfter.IsCancellationRequested);
        await Assert.ThrowsAsync<TimeoutException>(() => bounded);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_timeout_armed_before_the_code_s_delay_never_answers_a_wait_for_the_code_s_timer()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new TimerAwareFakeTimeProvider();
        using var cancelAfter = new CancellationTokenSource(TimeSpan.FromMinutes(1), time);
        var bounded = new TaskCompletionSource().Task.WaitAsync(TimeSpan.FromMinutes(1), time, cancellationToken);
        var waiting = time.WaitForTimerDueWithinAsync(Hour, cancellationToken);

        Assert.Equal(2, time.PendingTimers.Count);
        Assert.False(waiting.IsCompleted);
        var delay = Task.Delay(Hour, time, cancellationToken);

        Assert.False((await waiting).IsTimeout);
        time.Advance(Hour);
        await delay;
        Assert.True(cancelAfter.IsCancellationRequested);
        await Assert.ThrowsAsync<TimeoutException>(() => bounded);
    }
}
