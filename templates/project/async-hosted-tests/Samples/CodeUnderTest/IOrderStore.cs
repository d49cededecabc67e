namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>Storage the sample workers clean up.</summary>
public interface IOrderStore
{
    /// <summary>Removes orders placed before <paramref name="cutoff"/> and returns how many.</summary>
    Task<int> RemoveOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
