// Written with nullable annotations, whatever the project's Nullable setting.
#nullable enable

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace AsyncTestsNamespace;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows its timers: which are armed and when each falls due,
/// so that a test waits until the code under test has armed the timer an advance is meant to fire,
/// moves the clock to the next due timer, and checks that no timer is left at its end.
/// </summary>
/// <remarks>
/// <see cref="FakeTimeProvider.Advance"/> fires only timers that already exist. Code under test
/// usually creates its delay or timer on another thread (an awaited continuation, a
/// <c>BackgroundService</c>'s <c>ExecuteAsync</c>), so advancing "right after starting it" races
/// with that thread and can lose the tick. <see cref="AdvanceAsync"/> first waits (real time, bounded
/// by <see cref="TestTimeouts.Guard"/>) until a timer of the code under test is due within the
/// advance. Every timer created through this provider is tracked until it is disposed, with its next
/// due time (<c>Task.Delay</c>, <c>PeriodicTimer</c>, <see cref="ITimer.Change"/>); the timers of a
/// <c>CancellationTokenSource</c> with a delay and of <c>Task.WaitAsync</c> with a
/// <see cref="TimeProvider"/> are timeouts, listed but never a wait's answer, so a timeout armed first
/// never takes the turn of the code's own timer. Advance one period per step
/// (<see cref="AdvanceInStepsAsync"/>). A single large step is not "one tick": an <see cref="ITimer"/>
/// callback runs once for every period that passed, a <see cref="PeriodicTimer"/> consumer sees the
/// ticks that came while it was not waiting as one, and a <c>Task.Delay</c> loop runs once and
/// re-arms from the new time.
/// </remarks>
public sealed class TimerAwareFakeTimeProvider : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<Entry> _timers = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts the clock at <see cref="FakeTimeProvider"/>'s default start time.</summary>
    public TimerAwareFakeTimeProvider()
    {
    }

    /// <summary>Starts the clock at <paramref name="startDateTime"/>.</summary>
    public TimerAwareFakeTimeProvider(DateTimeOffset startDateTime)
        : base(startDateTime)
    {
    }

    /// <summary>The timers armed now (timeouts included), the next to fall due first.</summary>
    public IReadOnlyList<PendingTimer> PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return Armed(includeTimeouts: true);
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var entry = new Entry(IsTimeout(callback, state), CreatorOnStack());
        // Armed before the timer exists: a zero due time fires inside base.CreateTimer.
        var now = Now();
        lock (_gate)
        {
            entry.Arm(now, dueTime, period);
            _timers.Add(entry);
        }

        var timer = base.CreateTimer(
            callbackState =>
            {
                lock (_gate)
                {
                    entry.Fired();
                }

                Signal();
                callback(callbackState);
            },
            state,
            dueTime,
            period);
        Signal();
        return new TrackedTimer(this, entry, timer);
    }

    /// <summary>Waits until at least <paramref name="count"/> timers of the code under test (timeouts not counted) are armed.</summary>
    /// <exception cref="TimeoutException">Fewer within <see cref="TestTimeouts.Guard"/> of real time.</exception>
    public Task WaitForTimersAsync(int count, CancellationToken cancellationToken) =>
        WaitUntilAsync<object>(
            _ => Armed(includeTimeouts: false).Count >= count ? count : null,
            $"{count} timer(s) of the code under test to be armed",
            cancellationToken);

    /// <summary>Waits until a timer of the code under test is due within <paramref name="within"/> of now, and returns it.</summary>
    /// <exception cref="TimeoutException">None within <see cref="TestTimeouts.Guard"/> of real time.</exception>
    public Task<PendingTimer> WaitForTimerDueWithinAsync(TimeSpan within, CancellationToken cancellationToken) =>
        WaitUntilAsync(
            now => Armed(includeTimeouts: false).FirstOrDefault(timer => timer.DueTime - now <= within),
            $"a timer of the code under test due within {within} to be armed",
            cancellationToken);

    /// <summary>Waits until a timer of the code under test is due within <paramref name="delta"/>, then advances the clock by <paramref name="delta"/>.</summary>
    public async Task AdvanceAsync(TimeSpan delta, CancellationToken cancellationToken)
    {
        await WaitForTimerDueWithinAsync(delta, cancellationToken);
        Advance(delta);
    }

    /// <summary>Advances <paramref name="steps"/> times by <paramref name="step"/>, each step once a timer of the code under test is due within it.</summary>
    public async Task AdvanceInStepsAsync(TimeSpan step, int steps, CancellationToken cancellationToken)
    {
        for (var i = 0; i < steps; i++)
        {
            await AdvanceAsync(step, cancellationToken);
        }
    }

    /// <summary>Waits until a timer of the code under test is armed, advances the clock to the first due time, and returns that timer.</summary>
    public async Task<PendingTimer> AdvanceToNextTimerAsync(CancellationToken cancellationToken)
    {
        var next = await WaitUntilAsync(
            _ => Armed(includeTimeouts: false).FirstOrDefault(),
            "a timer of the code under test to be armed",
            cancellationToken);
        var wait = next.DueTime - Now();
        Advance(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        return next;
    }

    /// <summary>Fails when a timer is still armed: at the end of a test, a loop still running or a timer nobody disposed.</summary>
    public void ThrowIfTimersPending()
    {
        var pending = PendingTimers;
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"{pending.Count} timer(s) still armed on the fake clock:{Environment.NewLine}- " +
                string.Join(Environment.NewLine + "- ", pending) +
                $"{Environment.NewLine}Stop the code under test (cancel its token, stop its host) or dispose what armed them before the test ends.");
        }
    }

    // new CancellationTokenSource(delay, time), CancelAfter and Task.WaitAsync(…, time): .NET creates
    // their timers with the source, or the WaitAsync promise (Task+CancellationPromise<T>), as state.
    private static bool IsTimeout(TimerCallback callback, object? state) =>
        state is CancellationTokenSource
        || callback.Method.DeclaringType == typeof(CancellationTokenSource)
        || (state?.GetType() is { IsGenericType: true, DeclaringType: { } declaring, Name: var name }
            && declaring == typeof(Task) && name.StartsWith("CancellationPromise", StringComparison.Ordinal));

    // "OrderSweeper.RunAsync": the first frame outside .NET and this class.
    private static string? CreatorOnStack()
    {
        foreach (var frame in new StackTrace(2, fNeedFileInfo: false).GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            var ns = type?.Namespace ?? "";
            if (type is null || method is null || ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal)
                || type == typeof(TimerAwareFakeTimeProvider) || type.DeclaringType == typeof(TimerAwareFakeTimeProvider))
            {
                continue;
            }

            var name = method.Name;
            while (type.DeclaringType is { } outer && type.IsDefined(typeof(CompilerGeneratedAttribute)))
            {
                name = WrittenName(type.Name) ?? name;
                type = outer;
            }

            return $"{type.Name}.{WrittenName(name) ?? name}";
        }

        return null;
    }

    // "<RunAsync>d__3" and "<<Main>$>b__0_0" name the method they were written in; "<>c" names none.
    private static string? WrittenName(string compiled)
    {
        var name = compiled.TrimStart('<');
        var end = name.IndexOf('>', StringComparison.Ordinal);
        return compiled.StartsWith('<') && end > 0 ? name[..end] : null;
    }

    // The clock's time without an automatic advance (reading GetUtcNow advances it by AutoAdvanceAmount).
    private DateTimeOffset Now()
    {
        var autoAdvance = AutoAdvanceAmount;
        if (autoAdvance == TimeSpan.Zero)
        {
            return GetUtcNow();
        }

        AutoAdvanceAmount = TimeSpan.Zero;
        try
        {
            return GetUtcNow();
        }
        finally
        {
            AutoAdvanceAmount = autoAdvance;
        }
    }

    // Under _gate.
    private List<PendingTimer> Armed(bool includeTimeouts) =>
        _timers
            .Where(timer => timer.DueTime is not null && (includeTimeouts || !timer.IsTimeout))
            .OrderBy(timer => timer.DueTime)
            .Select(timer => new PendingTimer(timer.DueTime!.Value, timer.Period, timer.IsTimeout, timer.CreatedBy))
            .ToList();

    private async Task<T> WaitUntilAsync<T>(Func<DateTimeOffset, T?> found, string expected, CancellationToken cancellationToken)
        where T : class
    {
        // Real time: nobody advances this fake clock while the test is waiting here.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(TestTimeouts.Guard);
        while (true)
        {
            var now = Now();
            Task changed;
            lock (_gate)
            {
                if (found(now) is { } result)
                {
                    return result;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(guard.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var pending = PendingTimers;
                throw new TimeoutException(
                    $"Waited {TestTimeouts.Guard.TotalSeconds:0.#} s (real time, TestTimeouts.Guard) for {expected}, and it did not happen. Armed now: " +
                    (pending.Count == 0 ? "none" : string.Join("; ", pending)) +
                    ". Is the code under test waiting on something else, or not using the injected TimeProvider?");
            }
        }
    }

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private sealed class Entry(bool isTimeout, string? createdBy)
    {
        public bool IsTimeout { get; } = isTimeout;

        public string? CreatedBy { get; } = createdBy;

        public DateTimeOffset? DueTime { get; private set; }

        public TimeSpan Period { get; private set; } = Timeout.InfiniteTimeSpan;

        public void Arm(DateTimeOffset now, TimeSpan dueTime, TimeSpan period)
        {
            DueTime = dueTime == Timeout.InfiniteTimeSpan ? null : now + dueTime;
            Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : period;
        }

        // A one-shot timer is done; a periodic one falls due a period later (once per period caught up).
        public void Fired() => DueTime = Period == Timeout.InfiniteTimeSpan ? null : DueTime + Period;
    }

    private sealed class TrackedTimer(TimerAwareFakeTimeProvider provider, Entry entry, ITimer timer) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // Armed first: a zero due time fires inside the inner Change.
            var now = provider.Now();
            lock (provider._gate)
            {
                entry.Arm(now, dueTime, period);
            }

            var changed = timer.Change(dueTime, period);
            provider.Signal();
            return changed;
        }

        public void Dispose()
        {
            timer.Dispose();
            Forget();
        }

        public async ValueTask DisposeAsync()
        {
            await timer.DisposeAsync();
            Forget();
        }

        private void Forget()
        {
            lock (provider._gate)
            {
                provider._timers.Remove(entry);
            }

            provider.Signal();
        }
    }
}

/// <summary>A timer of a <see cref="TimerAwareFakeTimeProvider"/> that is armed: it fires when the clock reaches <see cref="DueTime"/>.</summary>
/// <param name="DueTime">When it fires next, on the provider's clock.</param>
/// <param name="Period">Its period; <see cref="Timeout.InfiniteTimeSpan"/> for a one-shot timer.</param>
/// <param name="IsTimeout">True for the timer of a <c>CancellationTokenSource</c> with a delay or of <c>Task.WaitAsync</c>: a limit on a wait, never a wait's answer.</param>
/// <param name="CreatedBy">The method outside .NET that created it, such as <c>OrderSweeper.RunAsync</c>.</param>
public sealed record PendingTimer(DateTimeOffset DueTime, TimeSpan Period, bool IsTimeout, string? CreatedBy)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{(IsTimeout ? "a timeout" : "a timer")} due at {DueTime:O}" +
        (Period == Timeout.InfiniteTimeSpan ? "" : $", every {Period}") +
        (CreatedBy is null ? "" : $", created by {CreatedBy}");
}
