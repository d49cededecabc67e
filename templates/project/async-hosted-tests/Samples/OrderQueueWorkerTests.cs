using System.Collections.Concurrent;
using AsyncTestsNamespace.Samples.CodeUnderTest;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncTestsNamespace.Samples;

/// <summary>Graceful shutdown: stopping while an order is in flight finishes it and drains the queue.</summary>
public sealed class OrderQueueWorkerTests
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Stopping_finishes_the_order_in_flight_and_drains_the_queue()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var queue = new PendingOrders();
        var handler = new GatedHandler();
        await using var harness = await HostedServiceHarness.StartAsync(
            services => services.AddSingleton(queue).AddSingleton<IOrderHandler>(handler).AddHostedService<OrderQueueWorker>(),
            cancellationToken);
        foreach (var id in new[] { "A", "B", "C" })
        {
            await queue.EnqueueAsync(id, cancellationToken);
        }

        await handler.FirstStarted.Task.WaitWithinGuardAsync("order A to start", cancellationToken);
        var stopping = harness.StopAsync();
        Assert.False(stopping.IsCompleted); // the host waits for the order in flight

        handler.Release.SetResult();
        await stopping.WaitWithinGuardAsync("the host to stop", cancellationToken);

        Assert.Equal(["A", "B", "C"], handler.Handled);
    }

    /// <summary>Holds the first order until the test releases it, so stopping happens mid-order.</summary>
    private sealed class GatedHandler : IOrderHandler
    {
        public TaskCompletionSource FirstStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string> Handled { get; } = new();

        public async Task HandleAsync(string orderId, CancellationToken cancellationToken)
        {
            FirstStarted.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            Handled.Enqueue(orderId);
        }
    }
}
