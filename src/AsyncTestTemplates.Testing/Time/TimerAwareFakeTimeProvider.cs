// The fake clock of AsyncTestTemplates.Testing, word for word: the library compiles this file, and
// `dotnet new async-test-settings` writes it into xunit v2 projects (which cannot reference the
// library) in the project's namespace. The partial members below are each place's own:
// TimerAwareFakeTimeProvider.Library.cs in the library, TimerAwareFakeTimeProvider.Limit.cs in a
// project. Hence the explicit usings and nullable annotations, whatever the project's settings.
#nullable enable

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows its timers: which are armed and when each falls due,
/// so that a test waits until the code under test has armed the timer an advance is meant to fire,
/// moves the clock to the next due timer, and checks that no timer is left at its end.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="FakeTimeProvider.Advance"/> fires only timers that already exist. Code under test
/// usually arms its delay or timer on another thread (an awaited continuation, a
/// <c>BackgroundService</c>'s <c>ExecuteAsync</c>), so advancing "right after starting it" races
/// with that thread and can lose the tick. <see cref="AdvanceAsync"/> first waits (in real time,
/// bounded by the real-time guard) until a timer of the code under test falls due within the advance,
/// then advances: no real sleeping, no lost tick.
/// </para>
/// <para>
/// Every timer created through the provider is tracked until it is disposed, with its next due time:
/// <c>Task.Delay</c>, <c>PeriodicTimer</c> (each tick re-arms it a period later),
/// <see cref="ITimer.Change"/> (re-armed or disarmed), and the timers of a
/// <c>CancellationTokenSource</c> with a delay and of <c>Task.WaitAsync</c> with a
/// <see cref="TimeProvider"/>. The last two are limits on a wait, not waits of the code
/// (<see cref="PendingTimer.IsTimeout"/>, told apart by the state .NET creates them with, measured on
/// .NET 8 to 10): they are listed in <see cref="PendingTimers"/> but never satisfy a wait or an
/// advance, so a timeout armed first never takes the turn of the code's own timer.
/// </para>
/// <para>
/// Advance one period per step (<see cref="AdvanceInStepsAsync"/>). A single large step is not one
/// tick: an <see cref="ITimer"/> callback catches up and runs once per elapsed period, a
/// <c>PeriodicTimer</c> consumer sees fewer ticks when it was not waiting as they fell due, and a
/// <c>Task.Delay</c> loop runs once and arms its next delay from the new time.
/// </para>
/// </remarks>
public sealed partial class TimerAwareFakeTimeProvider : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<Entry> _timers = [];
    private TaskCompletionSource _changed = NewSignal();

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
                return [.. Armed(includeTimeouts: true)];
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var entry = new Entry(IsTimeout(callback, state), CreatorOnStack());
        OnTimerCreating(entry, callback, state);
        // Armed before the timer exists (a zero due time fires inside base.CreateTimer), but seen by
        // waits only once it exists: an advance made in between would miss it and lose the tick.
        var now = Now();
        lock (_gate)
        {
            entry.Arm(now, dueTime, period);
            entry.Settling++;
            _timers.Add(entry);
        }

        ITimer timer;
        try
        {
            timer = base.CreateTimer(
                callbackState =>
                {
                    Fired(entry);
                    callback(callbackState);
                },
                state,
                dueTime,
                period);
        }
        catch
        {
            Disposed(entry);
            throw;
        }

        Settled(entry, dueTime);
        if (!entry.IsTimeout)
        {
            OnTimerCreated(dueTime);
        }

        return new TrackedTimer(this, entry, timer);
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> timers of the code under test (timeouts not
    /// counted) are armed.
    /// </summary>
    /// <exception cref="TimeoutException">Fewer within the real-time guard of real time; the message lists the timers armed.</exception>
    public async Task WaitForTimersAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        await WaitUntilAsync(
            _ => Armed(includeTimeouts: false).Count >= count ? true : (bool?)null,
            limit => $"{count} timer(s) of the code under test to be armed within {Seconds(limit)} (real time)",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until a timer of the code under test (not a timeout) is due within <paramref name="within"/>
    /// of the clock's current time, and returns the first such.
    /// </summary>
    /// <exception cref="TimeoutException">None within the real-time guard of real time; the message lists the timers armed.</exception>
    public Task<PendingTimer> WaitForTimerDueWithinAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(within, TimeSpan.Zero);
        return WaitUntilAsync(
            now => Armed(includeTimeouts: false).FirstOrDefault(timer => timer.DueTime - now <= within),
            limit => $"a timer of the code under test due within {within} to be armed within {Seconds(limit)} (real time)",
            cancellationToken);
    }

    /// <summary>
    /// Waits until a timer of the code under test is due within <paramref name="delta"/>, then
    /// advances the clock by <paramref name="delta"/>: the awaitable advance that cannot lose a tick.
    /// </summary>
    /// <exception cref="TimeoutException">No such timer within the real-time guard of real time.</exception>
    public async Task AdvanceAsync(TimeSpan delta, CancellationToken cancellationToken)
    {
        await WaitForTimerDueWithinAsync(delta, cancellationToken).ConfigureAwait(false);
        Advance(delta);
    }

    /// <summary>
    /// Advances the clock <paramref name="steps"/> times by <paramref name="step"/>, each step once a
    /// timer of the code under test is due within it (see <see cref="AdvanceAsync"/>): one period per
    /// step, every kind of wait sees every tick.
    /// </summary>
    /// <exception cref="TimeoutException">A step's timer was not armed within the real-time guard of real time.</exception>
    public async Task AdvanceInStepsAsync(TimeSpan step, int steps, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        for (var i = 0; i < steps; i++)
        {
            await AdvanceAsync(step, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits until a timer of the code under test is armed, then advances the clock to the due time
    /// of the first to fall due (timeouts due earlier fire on the way), and returns that timer.
    /// </summary>
    /// <exception cref="TimeoutException">No timer within the real-time guard of real time.</exception>
    public async Task<PendingTimer> AdvanceToNextTimerAsync(CancellationToken cancellationToken)
    {
        var next = await WaitUntilAsync(
            _ => Armed(includeTimeouts: false).FirstOrDefault(),
            limit => $"a timer of the code under test to be armed within {Seconds(limit)} (real time)",
            cancellationToken).ConfigureAwait(false);
        var wait = next.DueTime - Now();
        Advance(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        return next;
    }

    /// <summary>
    /// Fails when a timer is still armed: at the end of a test, a loop still running or a timer nobody
    /// disposed (stop the code under test first: cancel its token, stop its host).
    /// </summary>
    /// <exception cref="InvalidOperationException">At least one timer is armed; the message lists each.</exception>
    public void ThrowIfTimersPending()
    {
        var pending = PendingTimers;
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"{pending.Count} timer(s) still armed on the fake clock (now {Now():O}):{Environment.NewLine}- " +
                string.Join(Environment.NewLine + "- ", pending) +
                $"{Environment.NewLine}Stop the code under test (cancel its token, stop its host) or dispose what armed them before the test ends.");
        }
    }

    // The real-time bound of a wait, and the sentence its timeout message adds about where it comes from.
    private static partial (TimeSpan Limit, string Knob) GuardLimit();

    // The clock's own frames (and those of the code that ships with it), passed over when naming a timer's creator.
    private static partial bool IsOwnFrame(Type type);

    // Hooks for what the library adds (ProjectHost's observation of hosted services); nothing elsewhere.
    partial void OnTimerCreating(Entry entry, TimerCallback callback, object? state);

    // Each timer of the code under test (not a timeout), as it is created.
    partial void OnTimerCreated(TimeSpan dueTime);

    // Under _gate: the entry's timer fired.
    partial void OnFired(Entry entry);

    // Under _gate: the entry's timer was armed (created or re-armed) to fall due dueTime from now.
    partial void OnArmed(Entry entry, TimeSpan dueTime);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Seconds(TimeSpan limit) => $"{limit.TotalSeconds:0.#} s";

    // new CancellationTokenSource(delay, time), CancelAfter and Task.WaitAsync(…, time): .NET creates
    // their timers with the source, or the WaitAsync promise (Task+CancellationPromise<T>), as state.
    private static bool IsTimeout(TimerCallback callback, object? state) =>
        state is CancellationTokenSource
        || callback.Method.DeclaringType == typeof(CancellationTokenSource)
        || state?.GetType() is { IsGenericType: true, DeclaringType: { } declaring, Name: var name }
            && declaring == typeof(Task) && name.StartsWith("CancellationPromise", StringComparison.Ordinal);

    // "OrderSweeper.RunAsync": the first frame outside .NET and the clock's own code.
    private static string? CreatorOnStack()
    {
        foreach (var frame in new StackTrace(2, fNeedFileInfo: false).GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            var ns = type?.Namespace ?? "";
            if (type is null || ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal)
                || IsOwnFrame(type))
            {
                continue;
            }

            return Describe(type, method!);
        }

        return null;
    }

    // An async method or lambda is compiled into a nested type: name the method it was written in.
    private static string Describe(Type type, MethodBase method)
    {
        var name = method.Name;
        while (type.DeclaringType is { } outer && type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
        {
            name = WrittenName(type.Name) ?? name;
            type = outer;
        }

        return $"{type.Name}.{WrittenName(name) ?? name}";
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
            .Where(timer => timer.IsArmed && (includeTimeouts || !timer.IsTimeout))
            .OrderBy(timer => timer.DueTime)
            .Select(timer => new PendingTimer(timer.DueTime!.Value, timer.Period, timer.IsTimeout, timer.CreatedBy))
            .ToList();

    private async Task<T> WaitUntilAsync<T>(Func<DateTimeOffset, T?> found, Func<TimeSpan, string> expected, CancellationToken cancellationToken)
    {
        // Real time: nobody advances this fake clock while the test is waiting here.
        var (limit, knob) = GuardLimit();
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(limit);
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
                await changed.WaitAsync(guard.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var pending = PendingTimers;
                throw new TimeoutException(
                    $"Waited for {expected(limit)}, and it did not happen. Armed now (clock at {Now():O}): " +
                    (pending.Count == 0 ? "none" : string.Join("; ", pending)) +
                    ". Is the code under test waiting on something else, or not using the injected TimeProvider? " + knob);
            }
        }
    }

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private void Fired(Entry entry)
    {
        lock (_gate)
        {
            entry.Fired();
            OnFired(entry);
        }

        Signal();
    }

    private void Changing(Entry entry, TimeSpan dueTime, TimeSpan period)
    {
        var now = Now();
        lock (_gate)
        {
            entry.Arm(now, dueTime, period);
            entry.Settling++;
        }
    }

    // The inner timer exists, or has been re-armed: waits see the entry from now on.
    private void Settled(Entry entry, TimeSpan dueTime)
    {
        lock (_gate)
        {
            entry.Settling--;
            OnArmed(entry, dueTime);
        }

        Signal();
    }

    private void Disposed(Entry entry)
    {
        lock (_gate)
        {
            _timers.Remove(entry);
        }

        Signal();
    }

    private sealed partial class Entry(bool isTimeout, string? createdBy)
    {
        public bool IsTimeout { get; } = isTimeout;

        public string? CreatedBy { get; } = createdBy;

        // Above zero while its inner timer is being created or re-armed: not yet seen as armed.
        public int Settling { get; set; }

        public bool IsArmed => DueTime is not null && Settling == 0;

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
            // Armed first (a zero due time fires inside the inner Change), seen by waits once re-armed.
            provider.Changing(entry, dueTime, period);
            try
            {
                return timer.Change(dueTime, period);
            }
            finally
            {
                provider.Settled(entry, dueTime);
            }
        }

        public void Dispose()
        {
            timer.Dispose();
            provider.Disposed(entry);
        }

        public async ValueTask DisposeAsync()
        {
            await timer.DisposeAsync().ConfigureAwait(false);
            provider.Disposed(entry);
        }
    }
}
