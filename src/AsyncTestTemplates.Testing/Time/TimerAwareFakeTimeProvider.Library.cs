using System.Reflection;

namespace AsyncTestTemplates.Testing;

// The library's part of the fake clock (TimerAwareFakeTimeProvider.cs is also written into xunit v2
// projects, which have their own part): the real-time guard of xunit v3 tests, what ProjectHost (in
// the hosting package, which sees this assembly's internals) observes of the hosted services that use
// the clock, and the members kept for one version.
public sealed partial class TimerAwareFakeTimeProvider
{
    private readonly Dictionary<object, long> _lastArmedBy = [];
    private readonly List<FiredTimer> _fired = [];
    private long _sequence;

    /// <summary>
    /// Raised on the thread that creates a timer of the code under test (not a timeout: the timer of a
    /// <c>CancellationTokenSource</c> with a delay or of <c>Task.WaitAsync</c>), with its due time, as
    /// it is created: a handler sees from that thread's stack which code armed it (the hosting
    /// package's <c>ProjectHost</c> tells its hosted services' first activity this way).
    /// </summary>
    public event EventHandler<TimeSpan>? TimerCreated;

    // ProjectHost's window: the hosted service whose code creates a timer (null: none), so that after
    // an advance it waits for the services whose timers fired to come back to the clock.
    internal Func<object?>? TimerOwner { get; set; }

    // Completes at the next change of the timers (armed, fired, re-armed, disposed).
    internal Task TimersChanged
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    // The clock's time, without an automatic advance.
    internal DateTimeOffset CurrentTime => Now();

    // The next time any armed timer (timeouts included) falls due.
    internal DateTimeOffset? NextDueTime()
    {
        lock (_gate)
        {
            return _timers.Where(timer => timer.IsArmed).Min(timer => timer.DueTime);
        }
    }

    // True when a timer created by owner's code is armed now (timeouts not counted).
    internal bool HasArmedTimerOf(object owner)
    {
        lock (_gate)
        {
            return _timers.Any(timer => timer.IsArmed && Equals(timer.Owner, owner));
        }
    }

    // True when owner's code has armed (created or re-armed) a timer after the point `sequence` marks.
    internal bool ArmedSince(object owner, long sequence)
    {
        lock (_gate)
        {
            return _lastArmedBy.TryGetValue(owner, out var armed) && armed > sequence;
        }
    }

    // The owned timers that fired since the last call, in the order they fired.
    internal List<FiredTimer> TakeFired()
    {
        lock (_gate)
        {
            List<FiredTimer> fired = [.. _fired];
            _fired.Clear();
            return fired;
        }
    }

    // For a PeriodicTimer's tick: true once its consumer waits for the next tick again, false while
    // the tick is not taken or still being handled, null where .NET's PeriodicTimer is not built as
    // measured (.NET 8 to 10: its state's _signaled and _activeWait fields).
    internal static bool? IsWaitingForNextTick(object periodicTimerState)
    {
        var type = periodicTimerState.GetType();
        var signaled = type.GetField("_signaled", BindingFlags.Instance | BindingFlags.NonPublic);
        var activeWait = type.GetField("_activeWait", BindingFlags.Instance | BindingFlags.NonPublic);
        if (signaled?.FieldType != typeof(bool) || activeWait?.FieldType != typeof(bool))
        {
            return null;
        }

        lock (periodicTimerState)
        {
            // PeriodicTimer changes both under a lock on its state.
            return (bool)activeWait.GetValue(periodicTimerState)! && !(bool)signaled.GetValue(periodicTimerState)!;
        }
    }

    /// <summary>Waits until a timer of the code under test is armed.</summary>
    [Obsolete("Waits for any armed timer of the code under test now, not for the next one created. Use WaitForTimersAsync(1, cancellationToken), or WaitForTimerDueWithinAsync for a timer due within a time. Removed in the next version.")]
    public Task WaitForTimerAsync(CancellationToken cancellationToken) => WaitForTimersAsync(1, cancellationToken);

    /// <summary>Forwards to <see cref="AdvanceAsync"/>.</summary>
    [Obsolete("Use AdvanceAsync(delta, cancellationToken): it waits until a timer of the code under test is due within delta, then advances. Removed in the next version.")]
    public Task AdvanceWhenArmedAsync(TimeSpan delta, CancellationToken cancellationToken) => AdvanceAsync(delta, cancellationToken);

    /// <summary>Does nothing: waits look at the timers armed now, not at a queue of creations.</summary>
    [Obsolete("No longer needed: waits look at the timers armed now, not at a queue of creations. Removed in the next version.")]
    public void ForgetArmedTimers()
    {
    }

    // RealTimeGuard.Limit: the configured budget, at most half the running test's own Timeout.
    private static partial (TimeSpan Limit, string Knob) GuardLimit() => RealTimeGuard.LimitAndWhy();

    // The clock, and the harnesses and hosts of this library that create timers on the test's behalf.
    private static partial bool IsOwnFrame(Type type) =>
        (type.Namespace ?? "").StartsWith("AsyncTestTemplates.Testing", StringComparison.Ordinal) && type.Assembly == typeof(TimerAwareFakeTimeProvider).Assembly;

    // Task.Delay's timer completes a task, PeriodicTimer's signals a waiter: the code that waited
    // runs afterwards, in a continuation. A callback of the code's own has done its work when it returns.
    private static bool ReactsInAContinuation(TimerCallback callback) =>
        callback.Method.DeclaringType?.Namespace?.StartsWith("System", StringComparison.Ordinal) == true;

    private static bool IsPeriodicTimerState(object? state) =>
        state?.GetType() is { DeclaringType: { } declaring } && declaring == typeof(PeriodicTimer);

    partial void OnTimerCreating(Entry entry, TimerCallback callback, object? state)
    {
        entry.Owner = entry.IsTimeout ? null : TimerOwner?.Invoke();
        entry.ReactsInAContinuation = ReactsInAContinuation(callback);
        entry.PeriodicTimerState = IsPeriodicTimerState(state) ? state : null;
    }

    partial void OnTimerCreated(TimeSpan dueTime) => TimerCreated?.Invoke(this, dueTime);

    partial void OnFired(Entry entry)
    {
        if (entry.Owner is not null)
        {
            _fired.Add(new FiredTimer(entry.Owner, ++_sequence, entry.ReactsInAContinuation, entry.PeriodicTimerState));
        }
    }

    partial void OnArmed(Entry entry, TimeSpan dueTime)
    {
        if (entry.Owner is not null && dueTime != Timeout.InfiniteTimeSpan)
        {
            _lastArmedBy[entry.Owner] = ++_sequence;
        }
    }

    // A timer of owner's code fired at `Sequence`; what it woke runs in a continuation, or ran in its
    // callback; a PeriodicTimer's state, to see its consumer come back.
    internal readonly record struct FiredTimer(object Owner, long Sequence, bool ReactsInAContinuation, object? PeriodicTimerState);

    private sealed partial class Entry
    {
        // The hosted service whose code created the timer; set when it is created.
        public object? Owner { get; set; }

        public bool ReactsInAContinuation { get; set; }

        public object? PeriodicTimerState { get; set; }
    }
}
