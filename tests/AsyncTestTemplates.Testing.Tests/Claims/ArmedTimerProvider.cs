using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>A <see cref="FakeTimeProvider"/> that tells the test when the code under test has created a timer.</summary>
public sealed class ArmedTimerProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();
    private int _timersCreated;

    /// <summary>Timers created so far (every <c>Task.Delay</c>, <c>PeriodicTimer</c> and <c>CreateTimer</c> on this clock).</summary>
    public int TimersCreated => Volatile.Read(ref _timersCreated);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timersCreated);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits (real time, bounded) for the next timer not yet waited for, and returns its due time.</summary>
    public Task<TimeSpan> WaitForTimerAsync(CancellationToken cancellationToken) =>
        _created.Reader.ReadAsync(cancellationToken).AsTask().WithinGuardAsync("the code under test to create a timer", cancellationToken);
}
