using Microsoft.Extensions.Logging;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>Places orders. Takes its clock as a <see cref="TimeProvider"/> so tests can fix "now".</summary>
public sealed class OrderService(IOrderRepository orders, TimeProvider time, ILogger<OrderService> logger)
{
    public async Task<Order> PlaceAsync(string id, string customer, decimal total, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(total);

        if (await orders.FindAsync(id, cancellationToken) is not null)
        {
            throw new DuplicateOrderException(id);
        }

        var order = new Order(id, customer, total, time.GetUtcNow());
        await orders.AddAsync(order, cancellationToken);
        logger.LogInformation("Placed order {OrderId} for {Customer}", id, customer);
        return order;
    }
}
