// Written with nullable annotations, whatever the project's Nullable setting.
#nullable enable

using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace AsyncTestsNamespace;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that lets a test wait until the code under test has armed its
/// next timer before the test moves the clock.
/// </summary>
/// <remarks>
/// <see cref="FakeTimeProvider.Advance"/> fires only timers that already exist. Code under test
/// usually creates its delay or timer on another thread (an awaited continuation, a
/// <c>BackgroundService</c>'s <c>ExecuteAsync</c>), so advancing "right after starting it" races
/// with that thread and can lose the tick. Waiting for the timer first removes the race without
/// any real sleeping. Every timer created through this provider counts: <c>Task.Delay</c>,
/// <c>PeriodicTimer</c>, <c>CancellationTokenSource</c> and <c>Task.WaitAsync</c> with a
/// <see cref="TimeProvider"/>. Advance one period per step. A single large step is not "one tick":
/// an <see cref="ITimer"/> callback runs once for every period that passed, a <see cref="PeriodicTimer"/>
/// consumer sees the ticks that came while it was not waiting as one, and a <c>Task.Delay</c> loop runs
/// once and re-arms from the new time. One period per step gives each of them the same, deterministic
/// sequence: a tick, then the code's reaction to it.
/// </remarks>
public sealed class TimerAwareFakeTimeProvider : FakeTimeProvider
{
    // One entry per timer created and not yet waited for, in creation order.
    private readonly Channel<ITimer> _timersCreated = Channel.CreateUnbounded<ITimer>();

    /// <summary>Starts the clock at <see cref="FakeTimeProvider"/>'s default start time.</summary>
    public TimerAwareFakeTimeProvider()
    {
    }

    /// <summary>Starts the clock at <paramref name="startDateTime"/>.</summary>
    public TimerAwareFakeTimeProvider(DateTimeOffset startDateTime)
        : base(startDateTime)
    {
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timersCreated.Writer.TryWrite(timer);
        return timer;
    }

    /// <summary>
    /// Waits until the code under test has created a timer it has not yet been waited for.
    /// Each call consumes one timer, in the order they were created.
    /// </summary>
    /// <exception cref="TimeoutException">No timer within <see cref="TestTimeouts.Guard"/> of real time.</exception>
    public async Task WaitForTimerAsync(CancellationToken cancellationToken)
    {
        // Real time: nobody advances this fake clock while the test is waiting here.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(TestTimeouts.Guard);
        try
        {
            await _timersCreated.Reader.ReadAsync(guard.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The code under test armed no timer within {TestTimeouts.Guard.TotalSeconds:0.#} s (real time). " +
                "Is it waiting on something else, or not using the injected TimeProvider?");
        }
    }

    /// <summary>
    /// Forgets the timers created so far and not waited for: on a clock shared by several tests, the
    /// next test's <see cref="WaitForTimerAsync"/> then waits for a timer of its own.
    /// </summary>
    public void ForgetArmedTimers()
    {
        while (_timersCreated.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>Waits for the next timer (see <see cref="WaitForTimerAsync"/>), then advances the clock by <paramref name="delta"/>.</summary>
    public async Task AdvanceWhenArmedAsync(TimeSpan delta, CancellationToken cancellationToken)
    {
        await WaitForTimerAsync(cancellationToken);
        Advance(delta);
    }
}
