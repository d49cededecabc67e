namespace AsyncTestTemplates.Testing;

/// <summary>
/// Bounded waits for a test: await a task, but give up after <see cref="Limit"/> of real time with a
/// message that says what never happened.
/// </summary>
/// <remarks>
/// The guard runs on real time on purpose. A guard on a <c>FakeTimeProvider</c> never fires,
/// because nobody advances the fake clock while the test is stuck waiting.
/// </remarks>
public static class RealTimeGuard
{
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a test waits, in real time, for something that should happen almost at once: a
    /// handler to finish, the code under test to arm a timer, a host to stop. Ten seconds, and at
    /// most half the running test's own timeout, so that the guard's message, not the bare
    /// timeout, explains what never happened.
    /// </summary>
    public static TimeSpan Limit
    {
        get
        {
            var testTimeout = TestContext.Current.Test is Xunit.v3.IXunitTest { Timeout: > 0 } test
                ? TimeSpan.FromMilliseconds(test.Timeout)
                : Timeout.InfiniteTimeSpan;
            return testTimeout == Timeout.InfiniteTimeSpan || testTimeout / 2 >= Longest ? Longest : testTimeout / 2;
        }
    }

    /// <summary>Awaits <paramref name="task"/> for at most <see cref="Limit"/>.</summary>
    /// <param name="task">What the test waits for.</param>
    /// <param name="waitingFor">Completes the sentence "waited for …", e.g. "the handler to process order 42".</param>
    /// <param name="cancellationToken">The test's token: the per-test timeout still applies.</param>
    /// <exception cref="TimeoutException">The task did not complete within <see cref="Limit"/>.</exception>
    public static async Task WaitWithinGuardAsync(this Task task, string waitingFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var limit = Limit;
        try
        {
            await task.WaitAsync(limit, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw GuardExpired(waitingFor, limit, ex);
        }
    }

    /// <summary>Awaits <paramref name="task"/> for at most <see cref="Limit"/> and returns its result.</summary>
    /// <inheritdoc cref="WaitWithinGuardAsync(Task, string, CancellationToken)"/>
    public static async Task<T> WaitWithinGuardAsync<T>(this Task<T> task, string waitingFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var limit = Limit;
        try
        {
            return await task.WaitAsync(limit, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw GuardExpired(waitingFor, limit, ex);
        }
    }

    private static TimeoutException GuardExpired(string waitingFor, TimeSpan limit, TimeoutException inner) =>
        new($"Waited {limit.TotalSeconds:0.#} s (real time) for {waitingFor}, and it did not happen.", inner);
}
