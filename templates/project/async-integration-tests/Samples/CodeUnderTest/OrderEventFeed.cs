using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>
/// <c>GET /orders/events</c>: order events as server-sent events (<c>text/event-stream</c>), for as
/// long as the client keeps the response open.
/// </summary>
internal static class OrderEventFeed
{
    /// <summary>The first line of the stream: the client is subscribed once it has read it.</summary>
    public const string SubscribedComment = ": subscribed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task StreamAsync(HttpContext context, OrderEvents events, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A static class cannot be ILogger<T>'s category: the factory names it instead.
        var logger = loggers.CreateLogger(typeof(OrderEventFeed));
        var cancellationToken = context.RequestAborted;
        using var subscription = events.Subscribe();
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        try
        {
            await context.Response.WriteAsync($"{SubscribedComment}\n\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
            await foreach (var orderEvent in subscription.Events.ReadAllAsync(cancellationToken))
            {
                var data = JsonSerializer.Serialize(orderEvent, Json);
                await context.Response.WriteAsync($"event: {orderEvent.Kind}\ndata: {data}\n\n", cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The usual end of a stream: the client closed it.
            logger.LogInformation("Event stream closed by the client");
        }
    }
}
