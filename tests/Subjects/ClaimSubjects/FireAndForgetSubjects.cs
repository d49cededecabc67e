using System.Runtime.CompilerServices;

namespace ClaimSubjects;

/// <summary>
/// Subject of "Nothing is fire-and-forget" (guide § 4): a task nobody awaits throws, the runtime
/// reports it as unobserved, and the test (and the run) still pass.
/// </summary>
public sealed class FireAndForgetSubjects
{
    [Fact(Timeout = 10_000)]
    public async Task Throws_where_nobody_awaits_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var reported = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<UnobservedTaskExceptionEventArgs> onUnobserved = (_, e) => reported.TrySetResult(e.Exception);
        TaskScheduler.UnobservedTaskException += onUnobserved;
        try
        {
            await ForgetAFailingTaskAsync();
            // The failed task is unreachable now; its exception is reported when it is finalized.
            while (!reported.Task.IsCompleted)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                await Task.WhenAny(reported.Task, Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken));
            }

            Console.WriteLine($"[claim] unobserved task exception reported: {(await reported.Task).InnerException?.Message}");
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= onUnobserved;
        }
    }

    // Returns when the forgotten task has failed, without keeping it reachable or observing its exception.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task ForgetAFailingTaskAsync() =>
        Task.Run(() => throw new InvalidOperationException("thrown where nobody awaits it"))
            .ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
