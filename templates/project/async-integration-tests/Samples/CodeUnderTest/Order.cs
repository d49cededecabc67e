namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>Where an order stands. <see cref="Expired"/> is never stored: it is a pending order past its payment window.</summary>
public enum OrderStatus
{
    Pending,
    Confirmed,
    Expired,
}

/// <summary>An order as stored.</summary>
public sealed record Order(long Id, string Customer, int Quantity, OrderStatus Status, DateTimeOffset PlacedAt);

/// <summary>The body of <c>POST /orders</c>.</summary>
public sealed record PlaceOrderRequest(string? Customer, int Quantity);

/// <summary>Something that happened to an order, as the event stream sends it.</summary>
public sealed record OrderEvent(string Kind, long OrderId);
