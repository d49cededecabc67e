using Microsoft.Extensions.Time.Testing;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs: docs/async-testing-guide.md § 3 "One period per step": what one large
/// <see cref="FakeTimeProvider.Advance"/> over three periods does to the three ways code waits
/// periodically. An <see cref="ITimer"/> catches up (its callback runs once per period); a
/// <see cref="PeriodicTimer"/> consumer sees as many ticks as it was waiting for (ticks that come
/// while it is not waiting coalesce into one); a <c>Task.Delay</c> loop runs once and re-arms at the new time.
/// </summary>
[Trait(GuideSection.Trait, GuideSection.FakeTime)]
public sealed class PeriodicCatchUpTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan ThreeHours = 3 * Hour;

    [Fact]
    public void One_advance_over_three_periods_runs_an_hourly_ITimer_callback_three_times()
    {
        var time = new FakeTimeProvider();
        var fired = new List<DateTimeOffset>();
        using var timer = time.CreateTimer(_ => fired.Add(time.GetUtcNow()), null, Hour, Hour);

        time.Advance(ThreeHours);

        Assert.Equal(3, fired.Count);
        // Each callback already sees the clock at the end of the step, not at its own due time.
        Assert.All(fired, at => Assert.Equal(time.Start + ThreeHours, at));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_PeriodicTimer_consumer_waiting_for_each_tick_sees_all_three()
    {
        // The consumer awaits WaitForNextTickAsync directly, with no context to post back to: each
        // tick resumes it inside Advance, and it is waiting again before the next period fires.
        var observed = await Task.Run(
            () =>
            {
                var time = new FakeTimeProvider();
                using var timer = new PeriodicTimer(Hour, time);
                var ticks = new List<DateTimeOffset>();
                var consumer = CountTicksAsync(timer, ticks, time, gate: null);

                time.Advance(ThreeHours);

                timer.Dispose();
                return (ticks.Count, consumer.IsCompletedSuccessfully);
            },
            TestContext.Current.CancellationToken);

        Assert.Equal((3, true), observed);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_PeriodicTimer_consumer_busy_between_ticks_sees_the_missed_ones_as_one()
    {
        // After the first tick the consumer is busy (on a gate the test holds) while the second and
        // third periods pass: they coalesce into one pending tick, so it sees two ticks for three periods.
        var observed = await Task.Run(
            () =>
            {
                var time = new FakeTimeProvider();
                using var timer = new PeriodicTimer(Hour, time);
                var ticks = new List<DateTimeOffset>();
                var busy = new TaskCompletionSource(); // continuations inline: releasing it runs the consumer here
                var consumer = CountTicksAsync(timer, ticks, time, busy.Task);

                time.Advance(ThreeHours);
                var seenDuringAdvance = ticks.Count;
                busy.SetResult();

                timer.Dispose();
                return (seenDuringAdvance, ticks.Count, consumer.IsCompletedSuccessfully);
            },
            TestContext.Current.CancellationToken);

        Assert.Equal((1, 2, true), observed);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_PeriodicTimer_nobody_waits_on_during_the_advance_has_one_tick_pending()
    {
        var time = new FakeTimeProvider();
        using var timer = new PeriodicTimer(Hour, time);

        time.Advance(ThreeHours);

        Assert.True(await timer.WaitForNextTickAsync(TestContext.Current.CancellationToken));
        var next = timer.WaitForNextTickAsync(TestContext.Current.CancellationToken);
        Assert.False(next.IsCompleted, "More than one tick was pending after three periods passed with nobody waiting.");
        timer.Dispose();
        Assert.False(await next);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Task_Delay_loop_runs_once_per_large_advance_and_re_arms_at_the_new_time()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new ArmedTimerProvider();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var passes = 0;
        var loop = Task.Run(
            async () =>
            {
                while (true)
                {
                    await Task.Delay(Hour, time, stop.Token);
                    Interlocked.Increment(ref passes);
                }
            },
            cancellationToken);
        Assert.Equal(Hour, await time.WaitForTimerAsync(cancellationToken));

        time.Advance(ThreeHours);
        Assert.Equal(Hour, await time.WaitForTimerAsync(cancellationToken)); // the next pass's delay: one hour from now

        Assert.Equal(1, Volatile.Read(ref passes));
        time.Advance(Hour - TimeSpan.FromTicks(1));
        Assert.Equal(1, Volatile.Read(ref passes));
        Assert.Equal(2, time.TimersCreated);
        time.Advance(TimeSpan.FromTicks(1)); // an hour after the large advance ended
        await time.WaitForTimerAsync(cancellationToken);
        Assert.Equal(2, Volatile.Read(ref passes));

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop.WithinGuardAsync("the loop to stop", cancellationToken));
    }

    // Counts ticks until the timer is disposed; when a gate is given, waits on it after the first tick.
    private static async Task CountTicksAsync(PeriodicTimer timer, List<DateTimeOffset> ticks, TimeProvider time, Task? gate)
    {
        while (await timer.WaitForNextTickAsync(CancellationToken.None))
        {
            ticks.Add(time.GetUtcNow());
            if (gate is not null && ticks.Count == 1)
            {
                await gate;
            }
        }
    }
}
