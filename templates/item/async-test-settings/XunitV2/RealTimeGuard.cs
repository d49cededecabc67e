using System;
using System.Threading;
using System.Threading.Tasks;

namespace AsyncTestsNamespace;

/// <summary>
/// Bounded waits for a test: await a task, but give up after <see cref="TestTimeouts.Guard"/> of
/// real time with a message that says what never happened.
/// </summary>
/// <remarks>
/// The guard runs on real time on purpose. A guard on a <c>FakeTimeProvider</c> never fires,
/// because nobody advances the fake clock while the test is stuck waiting.
/// </remarks>
public static class RealTimeGuard
{
    /// <summary>Awaits <paramref name="task"/> for at most <see cref="TestTimeouts.Guard"/>.</summary>
    /// <param name="task">What the test waits for.</param>
    /// <param name="waitingFor">Completes the sentence "waited for …", e.g. "the handler to process order 42".</param>
    /// <param name="cancellationToken">The test's token: the per-test timeout still applies.</param>
    public static async Task WaitWithinGuardAsync(this Task task, string waitingFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            await task.WaitAsync(TestTimeouts.Guard, TimeProvider.System, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw GuardExpired(waitingFor, ex);
        }
    }

    /// <summary>Awaits <paramref name="task"/> for at most <see cref="TestTimeouts.Guard"/> and returns its result.</summary>
    /// <inheritdoc cref="WaitWithinGuardAsync(Task, string, CancellationToken)"/>
    public static async Task<T> WaitWithinGuardAsync<T>(this Task<T> task, string waitingFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            return await task.WaitAsync(TestTimeouts.Guard, TimeProvider.System, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw GuardExpired(waitingFor, ex);
        }
    }

    private static TimeoutException GuardExpired(string waitingFor, TimeoutException inner) =>
        new($"Waited {TestTimeouts.Guard.TotalSeconds:0.#} s (real time) for {waitingFor}, and it did not happen.", inner);
}
