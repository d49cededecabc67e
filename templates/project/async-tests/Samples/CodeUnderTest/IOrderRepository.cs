namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>Storage for orders: the kind of async dependency a test replaces with a substitute.</summary>
public interface IOrderRepository
{
    Task<Order?> FindAsync(string id, CancellationToken cancellationToken);

    Task AddAsync(Order order, CancellationToken cancellationToken);

    /// <summary>Removes orders placed before <paramref name="cutoff"/> and returns how many.</summary>
    Task<int> RemovePlacedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
