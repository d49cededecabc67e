using System.Threading.Channels;
using AsyncTestsNamespace.Samples.CodeUnderTest;

namespace AsyncTestsNamespace.Samples;

/// <summary>
/// A hand-written fake <see cref="IOrderStore"/>: it records each call's cutoff, and can fail a
/// chosen call. A test awaits <see cref="NextCallAsync"/> to know that a run has happened.
/// </summary>
public sealed class RecordingOrderStore : IOrderStore
{
    private readonly Channel<DateTimeOffset> _cutoffs = Channel.CreateUnbounded<DateTimeOffset>();
    private int _calls;

    /// <summary>Calls (1-based) that throw instead of removing anything.</summary>
    public HashSet<int> FailingCalls { get; } = [];

    public Task<int> RemoveOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        _cutoffs.Writer.TryWrite(cutoff);
        return FailingCalls.Contains(call)
            ? Task.FromException<int>(new TimeoutException("The order database did not answer."))
            : Task.FromResult(call);
    }

    /// <summary>The cutoff of the next call, waited for within <see cref="TestTimeouts.Guard"/>.</summary>
    public Task<DateTimeOffset> NextCallAsync(CancellationToken cancellationToken) =>
        _cutoffs.Reader.ReadAsync(cancellationToken).AsTask().WaitWithinGuardAsync("the next cleanup run", cancellationToken);
}
