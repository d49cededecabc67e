using Acme.Orders.Tests.Samples.CodeUnderTest;
using Microsoft.Extensions.Logging.Testing;
using NSubstitute;

namespace Acme.Orders.Tests.Samples;

/// <summary>
/// An endless loop tested two ways: one pass through its run-once hook, and a simulated day of the
/// loop itself on fake time, stopped and awaited at the end.
/// </summary>
public sealed class StaleOrderSweeperTests
{
    private static readonly DateTimeOffset Start = new(2030, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly IOrderRepository _orders = Substitute.For<IOrderRepository>();
    private readonly TimerAwareFakeTimeProvider _time = new(Start);
    private readonly FakeLogger<StaleOrderSweeper> _logger = TestLogging.CreateLogger<StaleOrderSweeper>();
    private readonly StaleOrderSweeper _sweeper;

    public StaleOrderSweeperTests() =>
        _sweeper = new StaleOrderSweeper(_orders, _time, _logger) { Interval = TimeSpan.FromHours(1), MaxAge = TimeSpan.FromDays(30) };

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task One_pass_removes_orders_older_than_the_maximum_age()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _orders.RemovePlacedBeforeAsync(Start.AddDays(-30), cancellationToken).Returns(3);

        var removed = await _sweeper.SweepOnceAsync(cancellationToken);

        Assert.Equal(3, removed);
        Assert.Equal("Removed 3 stale orders", _logger.LatestRecord.Message);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task The_loop_sweeps_once_an_hour_for_a_whole_day()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loop = _sweeper.RunAsync(stop.Token);

        try
        {
            // Each step waits until the loop has armed that hour's delay, then fires it.
            await _time.AdvanceInStepsAsync(TimeSpan.FromHours(1), steps: 24, cancellationToken);

            // The 24th pass has finished once the loop arms its next wait.
            await _time.WaitForTimersAsync(1, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => loop.WaitWithinGuardAsync("the sweeper to stop", cancellationToken));
        _time.ThrowIfTimersPending(); // stopped means stopped: no delay of the loop is left armed
        await _orders.Received(24).RemovePlacedBeforeAsync(Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
        await _orders.Received(1).RemovePlacedBeforeAsync(Start.AddDays(1) - TimeSpan.FromDays(30), Arg.Any<CancellationToken>());
    }
}
