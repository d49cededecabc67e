using AsyncTestsNamespace.Samples.CodeUnderTest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AsyncTestsNamespace.Samples;

/// <summary>
/// A periodic background service on fake time: a simulated day in milliseconds, a failing run that
/// does not stop the loop, and the run-once entry point tested on its own.
/// </summary>
public sealed class OrderCleanupWorkerTests
{
    private readonly RecordingOrderStore _store = new();

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Cleans_up_once_an_hour_over_a_simulated_day()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var harness = await StartWorkerAsync(cancellationToken);
        var start = harness.Time.GetUtcNow();

        // The worker arms its PeriodicTimer on the thread pool after StartAsync returns: wait for
        // it, then advance one period at a time and wait for that hour's run before the next.
        await harness.Time.WaitForTimersAsync(1, cancellationToken);
        for (var hour = 1; hour <= 24; hour++)
        {
            harness.Time.Advance(OrderCleanupWorker.Interval);
            Assert.Equal(start.AddHours(hour) - OrderCleanupWorker.MaxAge, await _store.NextCallAsync(cancellationToken));
        }

        await harness.StopAsync();
        Assert.Equal(24, harness.LogsOf<OrderCleanupWorker>().Count(log => log.Message.StartsWith("Removed", StringComparison.Ordinal)));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task A_failing_run_is_logged_and_the_next_hour_runs_again()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _store.FailingCalls.Add(1);
        await using var harness = await StartWorkerAsync(cancellationToken);

        await harness.Time.WaitForTimersAsync(1, cancellationToken);
        harness.Time.Advance(OrderCleanupWorker.Interval);
        await _store.NextCallAsync(cancellationToken);
        harness.Time.Advance(OrderCleanupWorker.Interval);
        await _store.NextCallAsync(cancellationToken);
        await harness.StopAsync();

        var logs = harness.LogsOf<OrderCleanupWorker>();
        var failure = Assert.Single(logs, log => log.Level == LogLevel.Error);
        Assert.IsType<TimeoutException>(failure.Exception);
        Assert.Equal("Removed 2 expired orders", logs[^1].Message);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task One_run_removes_orders_older_than_the_maximum_age()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero));
        using var worker = new OrderCleanupWorker(_store, time, TestLogging.CreateLogger<OrderCleanupWorker>());

        // No host, no loop, no clock to move: the run-once entry point is plain async code.
        var removed = await worker.RunOnceAsync(cancellationToken);

        Assert.Equal(1, removed);
        Assert.Equal(time.GetUtcNow() - OrderCleanupWorker.MaxAge, await _store.NextCallAsync(cancellationToken));
    }

    private Task<HostedServiceHarness> StartWorkerAsync(CancellationToken cancellationToken) =>
        HostedServiceHarness.StartAsync(
            services => services.AddSingleton<IOrderStore>(_store).AddHostedService<OrderCleanupWorker>(),
            cancellationToken);
}
