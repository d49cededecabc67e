using System.Collections.Concurrent;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>Orders in memory: the API's store when it has no database.</summary>
public sealed class InMemoryOrderStore : IOrderStore
{
    private readonly ConcurrentDictionary<long, Order> _orders = new();
    private long _lastId;

    public Task<Order> AddAsync(string customer, int quantity, DateTimeOffset placedAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var order = new Order(Interlocked.Increment(ref _lastId), customer, quantity, OrderStatus.Pending, placedAt);
        _orders[order.Id] = order;
        return Task.FromResult(order);
    }

    public Task<Order?> FindAsync(long id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_orders.GetValueOrDefault(id));
    }

    public Task<bool> ConfirmAsync(long id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var confirmed = _orders.TryGetValue(id, out var order)
            && order.Status == OrderStatus.Pending
            && _orders.TryUpdate(id, order with { Status = OrderStatus.Confirmed }, order);
        return Task.FromResult(confirmed);
    }

    public Task<int> CountAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_orders.Count);
    }

    /// <summary>Forgets every order: what a test fixture does between tests.</summary>
    public void Clear()
    {
        _orders.Clear();
        Interlocked.Exchange(ref _lastId, 0);
    }
}
