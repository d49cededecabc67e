using System.Net.Http.Json;
using AsyncTestsNamespace.Samples.CodeUnderTest;

namespace AsyncTestsNamespace.Samples;

/// <summary>
/// A streamed response (server-sent events) read line by line, each read bounded and cancellable,
/// and closed by the client: the server notices and ends its side.
/// </summary>
[Collection(OrdersApiCollectionDefinition.Name)]
public sealed class OrderEventFeedTests(OrdersApiFixture api) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => api.ResetAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Placed_orders_are_streamed_until_the_client_closes_the_stream()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = api.CreateClient();

        // ResponseHeadersRead: the response is returned while the server is still writing it.
        using (var stream = await client.GetAsync("/orders/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken))
        {
            Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
            using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(cancellationToken));
            Assert.Equal(OrderEventFeed.SubscribedComment, await ReadLineAsync(reader, "the stream to open", cancellationToken));
            Assert.Equal("", await ReadLineAsync(reader, "the end of the first message", cancellationToken));

            using var placed = await client.PostAsJsonAsync("/orders", new PlaceOrderRequest("Ada", 1), cancellationToken);
            var order = await placed.Content.ReadFromJsonAsync<OrderResponse>(ApiJson.Options, cancellationToken);

            Assert.Equal("event: placed", await ReadLineAsync(reader, "the placed event", cancellationToken));
            Assert.Equal($$"""data: {"kind":"placed","orderId":{{order?.Id}}}""", await ReadLineAsync(reader, "its data", cancellationToken));
        }

        // Disposing the response aborted the request: the server ended the stream.
        await api.WaitForLogAsync(
            log => log.Message == "Event stream closed by the client", "the server to close the stream", cancellationToken);
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, string waitingFor, CancellationToken cancellationToken) =>
        await reader.ReadLineAsync(cancellationToken).AsTask().WaitWithinGuardAsync(waitingFor, cancellationToken);
}
