namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>An order as the sample code stores it.</summary>
public sealed record Order(string Id, string Customer, decimal Total, DateTimeOffset PlacedAt);
