using System.Threading.Channels;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>
/// Hands published orders to a handler, one at a time, in the order they were published.
/// Event-driven code: the caller of <see cref="PublishAsync"/> does not wait for the handler.
/// </summary>
public sealed class OrderEventDispatcher(Func<Order, CancellationToken, Task> handler)
{
    private readonly Channel<Order> _events = Channel.CreateUnbounded<Order>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask PublishAsync(Order order, CancellationToken cancellationToken) =>
        _events.Writer.WriteAsync(order, cancellationToken);

    /// <summary>Delivers events until <paramref name="cancellationToken"/> is cancelled; a handler's exception ends it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var order in _events.Reader.ReadAllAsync(cancellationToken))
        {
            await handler(order, cancellationToken);
        }
    }
}
