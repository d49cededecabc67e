namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs docs/async-testing-guide.md § 13 "Library code calls ConfigureAwait(false)": an <c>await</c>
/// without it posts the rest of the method back to the caller's synchronization context, where it waits
/// until that context runs it. A caller that blocks the context's only thread on the result therefore
/// never gets it. With <c>ConfigureAwait(false)</c> the rest runs on the thread pool and the context is never asked.
/// </summary>
/// <remarks>
/// The context below records what is posted to it and runs nothing, as a context whose only thread is
/// blocked would: the library method's completion then shows where its continuation went.
/// </remarks>
[Trait(GuideSection.Trait, GuideSection.ConfigureAwait)]
public sealed class ConfigureAwaitContextTests
{
    [Fact(Timeout = 10_000)]
    public async Task Without_ConfigureAwait_false_the_rest_of_the_method_waits_for_the_caller_s_context()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var context = new BlockedContext();

        var export = await StartOnAsync(context, () => ExportAsync(continueOnCapturedContext: true, cancellationToken), cancellationToken);

        await context.Posted.Task.WithinGuardAsync("the library's continuation to be posted to the caller's context", cancellationToken);
        Assert.False(export.IsCompleted, "The library method finished although its continuation is still queued on the caller's context.");
    }

    [Fact(Timeout = 10_000)]
    public async Task With_ConfigureAwait_false_the_method_finishes_without_the_caller_s_context()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var context = new BlockedContext();

        var export = await StartOnAsync(context, () => ExportAsync(continueOnCapturedContext: false, cancellationToken), cancellationToken);

        Assert.Equal("exported", await export.WithinGuardAsync("the library method to finish", cancellationToken));
        Assert.False(context.Posted.Task.IsCompleted, "Something was posted to the caller's context.");
    }

    /// <summary>Library-style code: one real delay, then a result.</summary>
    private static async Task<string> ExportAsync(bool continueOnCapturedContext, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, cancellationToken).ConfigureAwait(continueOnCapturedContext);
        return "exported";
    }

    /// <summary>Calls <paramref name="start"/> on a thread-pool thread whose current context is <paramref name="context"/>.</summary>
    private static async Task<Task<string>> StartOnAsync(SynchronizationContext context, Func<Task<string>> start, CancellationToken cancellationToken) =>
        (await Task.Run(
            () =>
            {
                SynchronizationContext.SetSynchronizationContext(context);
                try
                {
                    // Wrapped: Task.Run would otherwise wait for the started task itself.
                    return new[] { start() };
                }
                finally
                {
                    SynchronizationContext.SetSynchronizationContext(null);
                }
            },
            cancellationToken))[0];

    /// <summary>A synchronization context whose thread is busy: it takes work and never runs it.</summary>
    private sealed class BlockedContext : SynchronizationContext
    {
        public TaskCompletionSource Posted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Post(SendOrPostCallback d, object? state) => Posted.TrySetResult();

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Nothing here sends.");
    }
}
