using Microsoft.Extensions.Logging;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>
/// An endless background loop: every <see cref="Interval"/> it removes orders older than
/// <see cref="MaxAge"/>. One pass is public (<see cref="SweepOnceAsync"/>), so a test can check
/// what a pass does without running the loop at all.
/// </summary>
public sealed class StaleOrderSweeper(IOrderRepository orders, TimeProvider time, ILogger<StaleOrderSweeper> logger)
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(Interval, time, cancellationToken);
            await SweepOnceAsync(cancellationToken);
        }
    }

    /// <summary>The run-once hook: one pass of the loop's body.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var removed = await orders.RemovePlacedBeforeAsync(time.GetUtcNow() - MaxAge, cancellationToken);
        logger.LogInformation("Removed {Count} stale orders", removed);
        return removed;
    }
}
