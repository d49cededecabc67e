using System.Threading.Channels;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>The events published since <see cref="OrderEvents.Subscribe"/>; dispose it to stop receiving them.</summary>
public sealed class OrderEventSubscription : IDisposable
{
    private readonly Action _unsubscribe;

    internal OrderEventSubscription(Action unsubscribe, ChannelReader<OrderEvent> events)
    {
        _unsubscribe = unsubscribe;
        Events = events;
    }

    public ChannelReader<OrderEvent> Events { get; }

    public void Dispose() => _unsubscribe();
}
