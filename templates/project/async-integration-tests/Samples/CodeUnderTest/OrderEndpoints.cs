using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>The handlers of the order endpoints. Each takes the request's cancellation token and passes it on.</summary>
internal static class OrderEndpoints
{
    /// <summary>How long a pending order waits for confirmation before it expires.</summary>
    public static TimeSpan PaymentWindow { get; } = TimeSpan.FromMinutes(30);

    public static async Task<Results<Created<OrderResponse>, ValidationProblem>> PlaceAsync(
        PlaceOrderRequest request, IOrderStore store, OrderEvents events, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Dictionary<string, string[]> errors = [];
        if (string.IsNullOrWhiteSpace(request.Customer))
        {
            errors["customer"] = ["A customer is required."];
        }

        if (request.Quantity <= 0)
        {
            errors["quantity"] = ["The quantity must be at least 1."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var order = await store.AddAsync(request.Customer!, request.Quantity, time.GetUtcNow(), cancellationToken);
        events.Publish(new OrderEvent("placed", order.Id));
        return TypedResults.Created($"/orders/{order.Id}", OrderResponse.From(order, time));
    }

    public static async Task<Results<Ok<OrderResponse>, NotFound>> GetAsync(
        long id, IOrderStore store, TimeProvider time, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } order
            ? TypedResults.Ok(OrderResponse.From(order, time))
            : TypedResults.NotFound();

    public static async Task<Ok<int>> CountAsync(IOrderStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.CountAsync(cancellationToken));

    /// <summary>Queues the order for <see cref="OrderConfirmationWorker"/> and answers at once.</summary>
    public static async Task<Results<Accepted, NotFound>> ConfirmAsync(
        long id, IOrderStore store, PendingConfirmations queue, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        await queue.EnqueueAsync(id, cancellationToken);
        return TypedResults.Accepted($"/orders/{id}");
    }
}

/// <summary>An order as the API shows it: a pending order past its payment window is <see cref="OrderStatus.Expired"/>.</summary>
public sealed record OrderResponse(long Id, string Customer, int Quantity, OrderStatus Status, DateTimeOffset PlacedAt)
{
    public static OrderResponse From(Order order, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(time);
        var expired = order.Status == OrderStatus.Pending && time.GetUtcNow() - order.PlacedAt >= OrderEndpoints.PaymentWindow;
        return new OrderResponse(order.Id, order.Customer, order.Quantity, expired ? OrderStatus.Expired : order.Status, order.PlacedAt);
    }
}
