namespace AsyncTestTemplates.Testing;

/// <summary>
/// Bounded waits for a test: await a task, but give up after <see cref="Limit"/> of real time with a
/// message that says what never happened.
/// </summary>
/// <remarks>
/// <para>
/// The guard runs on real time on purpose. A guard on a <c>FakeTimeProvider</c> never fires,
/// because nobody advances the fake clock while the test is stuck waiting.
/// </para>
/// <para>
/// Ten seconds unless the project sets the MSBuild property <c>AsyncTestRealTimeGuardSeconds</c>
/// (the package's build files write it into the test's runtime configuration) or the machine sets
/// the environment variable <c>ASYNCTESTTEMPLATES_REAL_TIME_GUARD_SECONDS</c>, which wins: a slow CI
/// agent raises it without a change to the project. Every message of an expired guard names both.
/// </para>
/// </remarks>
public static class RealTimeGuard
{
    /// <summary>
    /// How long a test waits, in real time, for something that should happen almost at once: a
    /// handler to finish, the code under test to arm a timer, a host to stop. The configured guard
    /// (ten seconds unless <c>AsyncTestRealTimeGuardSeconds</c> or
    /// <c>ASYNCTESTTEMPLATES_REAL_TIME_GUARD_SECONDS</c> says otherwise), and at most half the running
    /// test's own timeout, so that the guard's message, not the bare timeout, explains what never
    /// happened.
    /// </summary>
    /// <exception cref="InvalidOperationException">The property or the variable is not a number of seconds more than zero.</exception>
    public static TimeSpan Limit => LimitAndWhy().Limit;

    /// <summary>
    /// The sentence a timeout message adds about where <see cref="Limit"/> comes from: the MSBuild
    /// property and the environment variable that set it, or the running test's own timeout when half
    /// of that is less. Helpers that wait within the guard end their messages with it.
    /// </summary>
    public static string LimitSource => LimitAndWhy().Knob;

    /// <summary>The limit, and the sentence a timeout message adds about where it comes from.</summary>
    internal static (TimeSpan Limit, string Knob) LimitAndWhy()
    {
        var configured = Budgets.RealTimeGuard;
        var testTimeout = TestContext.Current.Test is Xunit.v3.IXunitTest { Timeout: > 0 } test
            ? TimeSpan.FromMilliseconds(test.Timeout)
            : Timeout.InfiniteTimeSpan;
        return testTimeout == Timeout.InfiniteTimeSpan || testTimeout / 2 >= configured
            ? (configured, $"The limit is {Budgets.GuardKnob}.")
            : (testTimeout / 2, $"The limit is half this test's Timeout ({testTimeout.TotalSeconds:0.#} s), which is less than {Budgets.GuardKnob}.");
    }

    /// <summary>Awaits <paramref name="task"/> for at most <see cref="Limit"/>.</summary>
    /// <param name="task">What the test waits for.</param>
    /// <param name="waitingFor">Completes the sentence "waited for …", e.g. "the handler to process order 42".</param>
    /// <param name="cancellationToken">The test's token: the per-test timeout still applies.</param>
    /// <exception cref="TimeoutException">The task did not complete within <see cref="Limit"/>.</exception>
    public static async Task WaitWithinGuardAsync(this Task task, string waitingFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var (limit, knob) = LimitAndWhy();
        try
        {
            await task.WaitAsync(limit, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw GuardExpired(waitingFor, limit, knob, ex);
        }
    }

    /// <summary>Awaits <paramref name="task"/> for at most <see cref="Limit"/> and returns its result.</summary>
    /// <inheritdoc cref="WaitWithinGuardAsync(Task, string, CancellationToken)"/>
    public static async Task<T> WaitWithinGuardAsync<T>(this Task<T> task, string waitingFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var (limit, knob) = LimitAndWhy();
        try
        {
            return await task.WaitAsync(limit, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw GuardExpired(waitingFor, limit, knob, ex);
        }
    }

    private static TimeoutException GuardExpired(string waitingFor, TimeSpan limit, string knob, TimeoutException inner) =>
        new($"Waited {limit.TotalSeconds:0.#} s (real time) for {waitingFor}, and it did not happen. {knob}", inner);
}
