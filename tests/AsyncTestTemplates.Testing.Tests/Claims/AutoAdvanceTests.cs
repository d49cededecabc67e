using Microsoft.Extensions.Time.Testing;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs: docs/async-testing-guide.md § 3 "Leave <c>AutoAdvanceAmount</c> at zero":
/// <see cref="FakeTimeProvider.AutoAdvanceAmount"/> moves the clock on every read of it, and only then;
/// with an amount as long as a timer's period, a callback that reads the clock keeps firing its own timer.
/// </summary>
[Trait(GuideSection.Trait, GuideSection.FakeTime)]
public sealed class AutoAdvanceTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void Each_read_of_the_clock_moves_it_on_by_the_amount()
    {
        var time = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };

        var first = time.GetUtcNow();
        var second = time.GetUtcNow();

        Assert.Equal(time.Start, first);
        Assert.Equal(TimeSpan.FromSeconds(1), second - first);
    }

    [Fact(Timeout = 10_000)]
    public async Task It_does_not_drive_a_delay_nobody_reads_the_clock_for()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider { AutoAdvanceAmount = Hour };
        var delay = Task.Delay(Hour, time, cancellationToken);

        // Real time passes; the fake clock does not, because nothing reads it.
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken);
        Assert.False(delay.IsCompleted, "AutoAdvanceAmount moved the clock with nobody reading it.");

        _ = time.GetUtcNow();
        Assert.True(delay.IsCompletedSuccessfully, "A read of the clock did not fire the delay that became due.");
    }

    [Fact(Timeout = 10_000)]
    public async Task An_amount_as_long_as_the_period_keeps_a_clock_reading_consumer_ticking_on_its_own()
    {
        // Bounded on purpose: the consumer stops itself after enough rounds, under a real-time guard;
        // left alone it would never stop, and the test would never advance the clock at all.
        const int Rounds = 200;
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider();
        using var timer = new PeriodicTimer(Hour, time);
        time.AutoAdvanceAmount = Hour;
        var consumer = Task.Run(
            async () =>
            {
                var ticks = 0;
                while (await timer.WaitForNextTickAsync(cancellationToken))
                {
                    if (++ticks == Rounds)
                    {
                        return ticks;
                    }

                    await Task.Yield();
                    _ = time.GetUtcNow(); // what a tick does: log, stamp, compare; each read makes the next tick due
                }

                return ticks;
            },
            cancellationToken);

        _ = time.GetUtcNow(); // one read, by anybody

        Assert.Equal(Rounds, await consumer.WithinGuardAsync("the clock-reading consumer to stop on its own", cancellationToken));
        Assert.True(time.GetUtcNow() >= time.Start + (Rounds * Hour), "The ticks did not come from the reads moving the clock.");
    }
}
