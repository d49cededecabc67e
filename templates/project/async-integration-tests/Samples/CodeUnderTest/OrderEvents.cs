using System.Threading.Channels;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>
/// Order events, broadcast in-process to whoever subscribed: the event stream endpoint, and a test
/// that wants to await something the app does in the background.
/// </summary>
public sealed class OrderEvents
{
    private readonly object _gate = new();
    private readonly HashSet<Channel<OrderEvent>> _subscribers = [];

    /// <summary>
    /// Starts receiving events at once (not at the first read): subscribe, then trigger, and the
    /// event cannot be missed.
    /// </summary>
    public OrderEventSubscription Subscribe()
    {
        var channel = Channel.CreateUnbounded<OrderEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        return new OrderEventSubscription(() => Unsubscribe(channel), channel.Reader);
    }

    public void Publish(OrderEvent orderEvent)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(orderEvent);
            }
        }
    }

    private void Unsubscribe(Channel<OrderEvent> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }
}
