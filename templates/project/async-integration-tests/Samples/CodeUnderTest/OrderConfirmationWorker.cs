using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>
/// A background job inside the app: confirms queued orders after the request that queued them has
/// been answered, and publishes <c>confirmed</c> when done. A failing order is logged and skipped;
/// the loop goes on.
/// </summary>
public sealed class OrderConfirmationWorker(
    PendingConfirmations queue, IOrderStore store, OrderEvents events, ILogger<OrderConfirmationWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var orderId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (await store.ConfirmAsync(orderId, stoppingToken))
                {
                    logger.LogInformation("Confirmed order {OrderId}", orderId);
                    events.Publish(new OrderEvent("confirmed", orderId));
                }
                else
                {
                    logger.LogWarning("Order {OrderId} is not pending; not confirmed", orderId);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Confirming order {OrderId} failed", orderId);
            }
        }
    }
}
