using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>Orders waiting to be processed, first in first out.</summary>
public sealed class PendingOrders
{
    private readonly Channel<string> _orders = Channel.CreateUnbounded<string>();

    public ChannelReader<string> Reader => _orders.Reader;

    public ValueTask EnqueueAsync(string orderId, CancellationToken cancellationToken) =>
        _orders.Writer.WriteAsync(orderId, cancellationToken);

    /// <summary>Accepts no more orders; readers still get the ones already queued.</summary>
    public void Complete() => _orders.Writer.TryComplete();
}

/// <summary>Processes one queued order.</summary>
public interface IOrderHandler
{
    Task HandleAsync(string orderId, CancellationToken cancellationToken);
}

/// <summary>
/// A queue consumer with a graceful shutdown: when the host stops, it takes no new orders but
/// finishes the one in flight and drains the queue. Only when the host's shutdown timeout runs out
/// is the remaining work cancelled.
/// </summary>
public sealed class OrderQueueWorker(PendingOrders queue, IOrderHandler handler, ILogger<OrderQueueWorker> logger)
    : BackgroundService
{
    // Cancelled when the host gives up waiting (its shutdown timeout), not when stopping begins.
    private readonly CancellationTokenSource _shutdownTimedOut = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await using var registration = cancellationToken.Register(_shutdownTimedOut.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _shutdownTimedOut.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Reads until the queue is completed and empty: stopping does not drop queued orders.
        await foreach (var orderId in queue.Reader.ReadAllAsync(_shutdownTimedOut.Token))
        {
            await handler.HandleAsync(orderId, _shutdownTimedOut.Token);
            logger.LogInformation("Processed order {OrderId}", orderId);
        }
    }
}
