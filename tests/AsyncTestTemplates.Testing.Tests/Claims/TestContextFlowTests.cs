using Xunit.Sdk;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs: the remarks of src/AsyncTestTemplates.Testing/Hosting/HostedServiceHarness.cs and of the integration
/// template's logging ("requests and background work run outside the test's flow"):
/// <see cref="TestContext.Current"/> flows with the <see cref="ExecutionContext"/>, so work the test
/// started sees the test, and work started without the test's context (by a shared fixture, or with
/// the flow suppressed: a thread, a timer, an unsafe work item) does not: there it names no test.
/// Also backs docs/async-testing-guide.md § 4 "Work the test did not start does not know the test".
/// </summary>
[Trait(GuideSection.Trait, GuideSection.BackgroundWork)]
public sealed class TestContextFlowTests(TestContextFlowTests.LoopStartedByAFixture fixture) : IClassFixture<TestContextFlowTests.LoopStartedByAFixture>
{
    [Fact(Timeout = 10_000)]
    public async Task Work_the_test_starts_sees_the_test()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var test = TestContext.Current.Test;

        var seen = await Task.Run(() => TestContext.Current.Test, cancellationToken);

        Assert.NotNull(test);
        Assert.Same(test, seen);
    }

    [Fact(Timeout = 10_000)]
    public async Task Work_a_shared_fixture_started_sees_no_test_while_a_test_runs()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Assert.NotNull(TestContext.Current.Test);

        fixture.Go.TrySetResult();

        Assert.Null(await fixture.SeenByTheLoop.WithinGuardAsync("the fixture's loop to look at TestContext.Current", cancellationToken));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_thread_started_with_flow_suppressed_sees_no_test()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var seen = new TaskCompletionSource<ITest?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => seen.TrySetResult(TestContext.Current.Test)) { IsBackground = true };
        using (ExecutionContext.SuppressFlow())
        {
            thread.Start();
        }

        Assert.Null(await seen.Task.WithinGuardAsync("the thread to look at TestContext.Current", cancellationToken));
    }

    [Fact(Timeout = 10_000)]
    public async Task An_unsafe_thread_pool_work_item_sees_no_test()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var seen = new TaskCompletionSource<ITest?>(TaskCreationOptions.RunContinuationsAsynchronously);

        ThreadPool.UnsafeQueueUserWorkItem(_ => seen.TrySetResult(TestContext.Current.Test), null);

        Assert.Null(await seen.Task.WithinGuardAsync("the work item to look at TestContext.Current", cancellationToken));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_system_timer_created_with_flow_suppressed_sees_no_test()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var seen = new TaskCompletionSource<ITest?>(TaskCreationOptions.RunContinuationsAsynchronously);
        ITimer timer;
        using (ExecutionContext.SuppressFlow())
        {
            timer = TimeProvider.System.CreateTimer(_ => seen.TrySetResult(TestContext.Current.Test), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        await using (timer)
        {
            Assert.Null(await seen.Task.WithinGuardAsync("the timer to look at TestContext.Current", cancellationToken));
        }
    }

    /// <summary>Starts, before any test of the class runs, a loop that looks at <see cref="TestContext.Current"/> when a test lets it.</summary>
    public sealed class LoopStartedByAFixture : IAsyncLifetime
    {
        public TaskCompletionSource Go { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ITest?> SeenByTheLoop { get; private set; } = Task.FromException<ITest?>(new InvalidOperationException("InitializeAsync has not run."));

        public ValueTask InitializeAsync()
        {
            SeenByTheLoop = Task.Run(async () =>
            {
                await Go.Task;
                return TestContext.Current.Test;
            });
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            Go.TrySetResult();
            await SeenByTheLoop;
        }
    }
}
