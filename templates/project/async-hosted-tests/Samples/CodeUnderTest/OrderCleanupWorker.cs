using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>
/// A periodic job: once an hour it removes expired orders. A failing run is logged and the next
/// hour runs again. One run is public (<see cref="RunOnceAsync"/>) so it can be tested without
/// the loop, the host or any waiting.
/// </summary>
public sealed class OrderCleanupWorker(IOrderStore orders, TimeProvider time, ILogger<OrderCleanupWorker> logger)
    : BackgroundService
{
    public static TimeSpan Interval { get; } = TimeSpan.FromHours(1);

    public static TimeSpan MaxAge { get; } = TimeSpan.FromDays(30);

    /// <summary>The run-once entry point: one cleanup, exactly as the loop runs it.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var removed = await orders.RemoveOlderThanAsync(time.GetUtcNow() - MaxAge, cancellationToken);
        logger.LogInformation("Removed {Count} expired orders", removed);
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Cleanup failed; trying again in {Interval}", Interval);
            }
        }
    }
}
