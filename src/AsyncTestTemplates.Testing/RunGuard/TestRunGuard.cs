using System.Collections.Concurrent;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// Checks the run as a whole, from before the first test to after the last: it starts the hang
/// report early, fails the run when a task nobody awaited has failed, and names the threads tests
/// left running.
/// </summary>
/// <remarks>
/// <para>
/// A fire-and-forget task (<c>_ = DoAsync()</c>) that throws fails nothing: its exception is
/// reported only when the task is garbage-collected, as
/// <see cref="TaskScheduler.UnobservedTaskException"/>, and ignored. Here a collection after the
/// last test surfaces them all; each is written out (its stack trace names the code that threw)
/// and the run fails.
/// </para>
/// <para>
/// The package registers it in every test assembly that references it
/// (<c>[assembly: AssemblyFixture(typeof(TestRunGuard))]</c>, generated at build time); set the
/// MSBuild property <c>AsyncTestRunGuard</c> to <c>false</c> to leave it out.
/// </para>
/// </remarks>
public sealed class TestRunGuard : IAsyncLifetime
{
    private readonly ConcurrentQueue<Exception> _unobserved = new();

    /// <inheritdoc />
    public ValueTask InitializeAsync()
    {
        TaskScheduler.UnobservedTaskException += OnUnobservedTaskException;
        ReportHungTestsAttribute.StartWatching((TestContext.Current.TestAssembly as Xunit.v3.IXunitTestAssembly)?.Assembly);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        ReportHungTestsAttribute.StopWatching();
        // Failed tasks that nobody references any more report their exceptions when finalized.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        TaskScheduler.UnobservedTaskException -= OnUnobservedTaskException;
        foreach (var thread in LeftoverThreads.StillRunning())
        {
            Say(thread);
        }

        if (_unobserved.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        foreach (var exception in _unobserved)
        {
            Say($"[unobserved task exception] A task failed and nobody awaited it: {exception}");
        }

        throw new AggregateException($"{_unobserved.Count} task(s) failed with nobody awaiting them.", _unobserved);
    }

    // Once (see GuardOutput): under VSTest the console shows xunit's diagnostic messages
    // (xunit.runner.json: diagnosticMessages), under Microsoft.Testing.Platform standard error.
    private static void Say(string message) => GuardOutput.Say(message, diagnosticUnderVsTest: true);

    private void OnUnobservedTaskException(object? sender, UnobservedTaskExceptionEventArgs e) =>
        _unobserved.Enqueue(e.Exception.InnerExceptions.Count == 1 ? e.Exception.InnerExceptions[0] : e.Exception);
}
