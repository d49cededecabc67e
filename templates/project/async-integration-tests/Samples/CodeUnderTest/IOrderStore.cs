namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>Where the API keeps its orders.</summary>
public interface IOrderStore
{
    Task<Order> AddAsync(string customer, int quantity, DateTimeOffset placedAt, CancellationToken cancellationToken);

    Task<Order?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Marks a pending order confirmed; false when there is no such pending order.</summary>
    Task<bool> ConfirmAsync(long id, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);
}
