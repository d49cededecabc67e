using Microsoft.Extensions.Time.Testing;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs: docs/async-testing-guide.md § 3 "Advance only once the timer exists", and the remarks of
/// templates/_shared/TimerAwareFakeTimeProvider.cs: <see cref="FakeTimeProvider.Advance"/> fires only
/// timers that already exist, and it fires them before it returns.
/// </summary>
[Trait(GuideSection.Trait, GuideSection.FakeTime)]
public sealed class AdvanceFiresExistingTimersTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact(Timeout = 10_000)]
    public async Task A_delay_armed_before_the_advance_completes_inside_it()
    {
        var time = new FakeTimeProvider();
        var delay = Task.Delay(Hour, time, TestContext.Current.CancellationToken);

        time.Advance(Hour);

        Assert.True(delay.IsCompletedSuccessfully, "Advance returned before firing a timer that was due.");
        await delay;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_delay_armed_after_the_advance_does_not_get_that_advance()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider();

        time.Advance(Hour); // the code under test has not armed its delay yet: this hour is lost to it
        var delay = Task.Delay(Hour, time, cancellationToken);

        Assert.False(delay.IsCompleted, "A delay created after an advance was fired by it.");
        time.Advance(Hour - TimeSpan.FromTicks(1));
        Assert.False(delay.IsCompleted, "The delay counts from when it was armed, not from before the advance.");
        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(delay.IsCompletedSuccessfully);
        await delay;
    }

    [Fact]
    public void A_timer_callback_runs_on_the_advancing_thread_before_Advance_returns()
    {
        var time = new FakeTimeProvider();
        var advancingThread = Environment.CurrentManagedThreadId;
        int? callbackThread = null;
        using var timer = time.CreateTimer(_ => callbackThread = Environment.CurrentManagedThreadId, null, Hour, Timeout.InfiniteTimeSpan);

        time.Advance(Hour);

        Assert.Equal(advancingThread, callbackThread);
    }
}
