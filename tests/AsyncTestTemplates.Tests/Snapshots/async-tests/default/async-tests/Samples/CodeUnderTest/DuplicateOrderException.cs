namespace Acme.Orders.Tests.Samples.CodeUnderTest;

/// <summary>Thrown when an order id is placed twice.</summary>
public sealed class DuplicateOrderException(string orderId)
    : InvalidOperationException($"Order '{orderId}' has already been placed.")
{
    public string OrderId { get; } = orderId;
}
