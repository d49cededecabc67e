using System.Runtime.CompilerServices;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs docs/async-testing-guide.md § 10 "Signals: TaskCompletionSource": without
/// <see cref="TaskCreationOptions.RunContinuationsAsynchronously"/> the code awaiting the signal runs
/// inline, on the thread that calls <c>SetResult</c>, before <c>SetResult</c> returns; with it,
/// <c>SetResult</c> returns first and the awaiting code runs elsewhere.
/// </summary>
/// <remarks>
/// The setter holds a lock while it calls <c>SetResult</c> and reads whether the continuation ran. A
/// continuation run inline enters the lock (it is the same thread) and has run by then; a continuation
/// queued to the thread pool waits for the lock, so it cannot have run: neither outcome depends on timing.
/// The waiter is started on a thread-pool thread, where no synchronization context is captured.
/// </remarks>
[Trait(GuideSection.Trait, GuideSection.Signals)]
public sealed class SignalContinuationTests
{
    [Fact(Timeout = 10_000)]
    public async Task Without_the_option_the_awaiting_code_runs_inside_SetResult_on_the_setting_thread()
    {
        var observed = await SignalAsync(TaskCreationOptions.None, TestContext.Current.CancellationToken);

        Assert.True(observed.RanBeforeSetResultReturned, "The continuation had not run when SetResult returned.");
        Assert.Equal(observed.SetterThread, observed.ContinuationThread);
    }

    [Fact(Timeout = 10_000)]
    public async Task With_RunContinuationsAsynchronously_SetResult_returns_before_the_awaiting_code_runs()
    {
        var observed = await SignalAsync(TaskCreationOptions.RunContinuationsAsynchronously, TestContext.Current.CancellationToken);

        Assert.False(observed.RanBeforeSetResultReturned, "The continuation ran inside SetResult.");
    }

    private static async Task<Observation> SignalAsync(TaskCreationOptions options, CancellationToken cancellationToken)
    {
        var gate = new Lock();
        var ranInside = new StrongBox<bool>();
        var (setterThread, ranBeforeReturn, continuation) = await Task.Run(
            () =>
            {
                var signal = new TaskCompletionSource(options);
                var continued = ContinueAfterAsync(signal.Task, gate, ranInside);
                lock (gate)
                {
                    signal.SetResult();
                    return (Environment.CurrentManagedThreadId, ranInside.Value, continued);
                }
            },
            cancellationToken);

        var continuationThread = await continuation.WithinGuardAsync("the code awaiting the signal to run", cancellationToken);
        return new Observation(setterThread, continuationThread, ranBeforeReturn);
    }

    private static async Task<int> ContinueAfterAsync(Task signal, Lock gate, StrongBox<bool> ran)
    {
        await signal;
        lock (gate)
        {
            ran.Value = true;
        }

        return Environment.CurrentManagedThreadId;
    }

    private sealed record Observation(int SetterThread, int ContinuationThread, bool RanBeforeSetResultReturned);
}
