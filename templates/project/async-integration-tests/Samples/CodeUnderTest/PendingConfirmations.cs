using System.Threading.Channels;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>Orders waiting for <see cref="OrderConfirmationWorker"/>, first in first out.</summary>
public sealed class PendingConfirmations
{
    private readonly Channel<long> _orderIds = Channel.CreateUnbounded<long>();

    public ChannelReader<long> Reader => _orderIds.Reader;

    public ValueTask EnqueueAsync(long orderId, CancellationToken cancellationToken) =>
        _orderIds.Writer.WriteAsync(orderId, cancellationToken);
}
