namespace AsyncTestTemplates.Testing.Tests.Library;

public sealed class TimerAwareFakeTimeProviderTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact(Timeout = 30_000)]
    public async Task AdvanceAsync_fires_a_delay_armed_on_another_thread()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new TimerAwareFakeTimeProvider();
        var delay = Task.Run(() => Task.Delay(TimeSpan.FromMinutes(5), time, cancellationToken), cancellationToken);

        await time.AdvanceAsync(TimeSpan.FromMinutes(5), cancellationToken);

        await delay.WaitWithinGuardAsync("the five-minute delay", cancellationToken);
        Assert.True(delay.IsCompletedSuccessfully);
        time.ThrowIfTimersPending();
    }

    [Fact(Timeout = 30_000)]
    public async Task TimerCreated_is_raised_on_the_creating_thread_for_the_code_s_timers_and_never_for_timeouts()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new TimerAwareFakeTimeProvider();
        var created = new List<(TimeSpan DueTime, int Thread)>();
        time.TimerCreated += (_, dueTime) => created.Add((dueTime, Environment.CurrentManagedThreadId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1), time);

        var creator = await Task.Run(
            () =>
            {
                using var timer = time.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
                return Environment.CurrentManagedThreadId;
            },
            cancellationToken);

        Assert.Equal([(TimeSpan.FromMinutes(5), creator)], created);
    }

    // Issue #26: the queue of creations gave a timeout created first the turn of the code's own timer.
    [Fact(Timeout = 30_000)]
    public async Task Timeouts_of_cancellation_sources_and_WaitAsync_armed_first_never_take_the_code_s_turn()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new TimerAwareFakeTimeProvider();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1), time);
        var bounded = new TaskCompletionSource().Task.WaitAsync(TimeSpan.FromMinutes(2), time, cancellationToken);

        var waiting = time.WaitForTimerDueWithinAsync(Hour, cancellationToken);
        Assert.False(waiting.IsCompleted);
        Assert.All(time.PendingTimers, timer => Assert.True(timer.IsTimeout));
        var delay = Task.Run(() => Task.Delay(Hour, time, cancellationToken), cancellationToken);

        var due = await waiting;
        Assert.False(due.IsTimeout);
        Assert.Equal(time.GetUtcNow() + Hour, due.DueTime);
        Assert.Equal([true, true, false], time.PendingTimers.Select(timer => timer.IsTimeout));
        time.Advance(Hour);
        await delay;
        Assert.True(timeout.IsCancellationRequested);
        await Assert.ThrowsAsync<TimeoutException>(() => bounded);
    }

    // What is tracked is the timer: a PeriodicTimer's consumer that was not waiting as ticks fell due
    // sees them as one (the class remarks), which no view of timers can change.
    [Fact(Timeout = 30_000)]
    public async Task A_periodic_timer_re_arms_a_period_later_on_each_tick_and_is_gone_once_disposed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new TimerAwareFakeTimeProvider();
        var start = time.GetUtcNow();
        var ticks = 0;
        var periodic = time.CreateTimer(_ => Interlocked.Increment(ref ticks), null, Hour, Hour);

        await time.AdvanceInStepsAsync(Hour, 3, cancellationToken);

        var pending = Assert.Single(time.PendingTimers);
        Assert.Equal(start + (4 * Hour), pending.DueTime);
        Assert.Equal(Hour, pending.Period);
        Assert.Equal(3, Volatile.Read(ref ticks));
        time.Advance(3 * Hour); // one large step: the callback catches up, once per period
        Assert.Equal(6, Volatile.Read(ref ticks));
        Assert.Equal(start + (7 * Hour), Assert.Single(time.PendingTimers).DueTime);
        await periodic.DisposeAsync();
        Assert.Empty(time.PendingTimers);
    }

    [Fact(Timeout = 30_000)]
    public async Task Change_re_arms_and_disarms_and_AdvanceToNextTimerAsync_moves_the_clock_to_the_first_due()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new TimerAwareFakeTimeProvider();
        var start = time.GetUtcNow();
        var fired = 0;
        using var timer = time.CreateTimer(_ => Interlocked.Increment(ref fired), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.Empty(time.PendingTimers);

        timer.Change(TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);
        Assert.Equal(start + TimeSpan.FromMinutes(10), Assert.Single(time.PendingTimers).DueTime);
        timer.Change(TimeSpan.FromMinutes(3), Timeout.InfiniteTimeSpan);

        var next = await time.AdvanceToNextTimerAsync(cancellationToken);

        Assert.Equal(start + TimeSpan.FromMinutes(3), next.DueTime);
        Assert.Equal(start + TimeSpan.FromMinutes(3), time.GetUtcNow());
        Assert.Equal(1, Volatile.Read(ref fired));
        Assert.Empty(time.PendingTimers);
        timer.Change(TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.Empty(time.PendingTimers);
    }

    [Fact(Timeout = 30_000)]
    public async Task WaitForTimersAsync_waits_until_that_many_timers_of_the_code_are_armed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new TimerAwareFakeTimeProvider();
        using var first = time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        var two = time.WaitForTimersAsync(2, cancellationToken);
        Assert.False(two.IsCompleted);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
        Assert.False(two.IsCompleted);
        using var second = time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        await two.WaitWithinGuardAsync("two timers", cancellationToken);
    }

    [Fact]
    public void A_timer_left_armed_fails_ThrowIfTimersPending_naming_its_due_time_and_creator()
    {
        var time = new TimerAwareFakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var left = ArmForgottenTimer(time);

        var failure = Assert.Throws<InvalidOperationException>(time.ThrowIfTimersPending);

        Assert.Contains("1 timer(s) still armed", failure.Message, StringComparison.Ordinal);
        Assert.Contains("a timer due at 2030-01-01T00:05:00.0000000+00:00, every 00:05:00, created by TimerAwareFakeTimeProviderTests.ArmForgottenTimer", failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 2_000)]
    public async Task No_timer_due_within_the_advance_fails_with_what_is_armed_and_the_knob()
    {
        var time = new TimerAwareFakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var later = time.CreateTimer(_ => { }, null, TimeSpan.FromHours(2), Timeout.InfiniteTimeSpan);

        var expired = await Assert.ThrowsAsync<TimeoutException>(() => time.AdvanceAsync(Hour, TestContext.Current.CancellationToken));

        Assert.StartsWith("Waited for a timer of the code under test due within 01:00:00 to be armed within 1 s (real time), and it did not happen. Armed now", expired.Message, StringComparison.Ordinal);
        Assert.Contains("a timer due at 2030-01-01T02:00:00", expired.Message, StringComparison.Ordinal);
        Assert.Contains("AsyncTestRealTimeGuardSeconds", expired.Message, StringComparison.Ordinal);
        Assert.Equal(2030, time.GetUtcNow().Year);
        Assert.Equal(0, time.GetUtcNow().Hour);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_obsolete_members_forward_to_the_new_semantics()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new TimerAwareFakeTimeProvider();
        var delay = Task.Run(() => Task.Delay(Hour, time, cancellationToken), cancellationToken);
#pragma warning disable CS0618 // The shims kept for one version.
        time.ForgetArmedTimers();
        await time.WaitForTimerAsync(cancellationToken);
        await time.AdvanceWhenArmedAsync(Hour, cancellationToken);
#pragma warning restore CS0618
        await delay.WaitWithinGuardAsync("the delay", cancellationToken);
    }

    private static ITimer ArmForgottenTimer(TimeProvider time) =>
        time.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));

    // ProjectHost's window waits for a PeriodicTimer's consumer to come back for its next tick, read
    // from .NET's PeriodicTimer state (nothing else signals it): a .NET that builds it otherwise fails here.
    [Fact(Timeout = 30_000)]
    public async Task A_PeriodicTimer_tick_is_known_handled_once_its_consumer_waits_for_the_next_one_again()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new TimerAwareFakeTimeProvider { TimerOwner = () => "the worker" };
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        var firstWait = timer.WaitForNextTickAsync(cancellationToken);

        time.Advance(TimeSpan.FromMinutes(1));

        var tick = Assert.Single(time.TakeFired());
        Assert.Equal("the worker", tick.Owner);
        Assert.True(tick.ReactsInAContinuation);
        var state = tick.PeriodicTimerState;
        Assert.NotNull(state);
        // Woken, not yet back: the tick is being handled.
        Assert.False(TimerAwareFakeTimeProvider.IsWaitingForNextTick(state));
        Assert.True(await firstWait);
        Assert.False(TimerAwareFakeTimeProvider.IsWaitingForNextTick(state));

        var secondWait = timer.WaitForNextTickAsync(cancellationToken);

        Assert.True(TimerAwareFakeTimeProvider.IsWaitingForNextTick(state));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await secondWait);
    }
}
