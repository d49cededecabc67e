using AsyncTestsNamespace.Samples.CodeUnderTest;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AsyncTestsNamespace.Samples;

/// <summary>
/// An async dependency replaced by a substitute, the test's cancellation token passed to every
/// call, and exception assertions that are awaited.
/// </summary>
public sealed class OrderServiceTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 15, 9, 30, 0, TimeSpan.Zero);

    private readonly IOrderRepository _orders = Substitute.For<IOrderRepository>();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly FakeLogger<OrderService> _logger = TestLogging.CreateLogger<OrderService>();
    private readonly OrderService _service;

    public OrderServiceTests() => _service = new OrderService(_orders, _time, _logger);

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Placing_an_order_stores_it_stamped_with_the_current_time()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var order = await _service.PlaceAsync("42", "ada", 10m, cancellationToken);

        Assert.Equal(Now, order.PlacedAt);
        // The same token reached the repository: cancelling the test cancels the storage call.
        await _orders.Received(1).AddAsync(order, cancellationToken);
        Assert.Equal("Placed order 42 for ada", _logger.LatestRecord.Message);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Placing_an_existing_order_throws_and_stores_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _orders.FindAsync("42", Arg.Any<CancellationToken>()).Returns(new Order("42", "ada", 10m, Now));

        // Await the assertion: un-awaited, it would check nothing and the test would pass anyway.
        var thrown = await Assert.ThrowsAsync<DuplicateOrderException>(
            () => _service.PlaceAsync("42", "bob", 5m, cancellationToken));

        Assert.Equal("42", thrown.OrderId);
        await _orders.DidNotReceive().AddAsync(Arg.Any<Order>(), Arg.Any<CancellationToken>());
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task A_non_positive_total_is_rejected_before_storage_is_touched()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _service.PlaceAsync("42", "ada", 0m, cancellationToken));

        await _orders.DidNotReceive().FindAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task A_cancelled_call_stops_at_the_repository_and_stores_nothing()
    {
        // Like a real database driver, the substitute honours the token it is given.
        _orders.FindAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromCanceled<Order?>(call.Arg<CancellationToken>()));
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _service.PlaceAsync("42", "ada", 10m, cancelled.Token));

        await _orders.DidNotReceive().AddAsync(Arg.Any<Order>(), Arg.Any<CancellationToken>());
    }
}
