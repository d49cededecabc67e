using System.Diagnostics.CodeAnalysis;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>Thrown when an order id is placed twice.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors",
    Justification = "Every instance names its order: a constructor without an order id would leave OrderId empty.")]
public sealed class DuplicateOrderException(string orderId)
    : InvalidOperationException($"Order '{orderId}' has already been placed.")
{
    public string OrderId { get; } = orderId;
}
