using System.Net;
using System.Net.Http.Json;
using AsyncTestsNamespace.Samples.CodeUnderTest;
using Microsoft.AspNetCore.Http;

namespace AsyncTestsNamespace.Samples;

/// <summary>Endpoint round trips through the app's real HTTP pipeline: routing, binding, validation, JSON.</summary>
[Collection(OrdersApiCollectionDefinition.Name)]
public sealed class OrderEndpointTests(OrdersApiFixture api) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => api.ResetAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task A_placed_order_can_be_read_back_from_its_location()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = api.CreateClient();

        using var placed = await client.PostAsJsonAsync("/orders", new PlaceOrderRequest("Ada", 2), cancellationToken);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var order = await client.GetFromJsonAsync<OrderResponse>(placed.Headers.Location, ApiJson.Options, cancellationToken);

        Assert.NotNull(order);
        Assert.Equal(("Ada", 2, OrderStatus.Pending), (order.Customer, order.Quantity, order.Status));
        // Stamped by the app's clock, which is the test's.
        Assert.Equal(api.Time.GetUtcNow(), order.PlacedAt);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task An_invalid_order_is_rejected_with_every_reason_and_not_stored()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = api.CreateClient();

        using var response = await client.PostAsJsonAsync("/orders", new PlaceOrderRequest(Customer: null, Quantity: 0), cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(cancellationToken);
        Assert.Equal(["customer", "quantity"], problem?.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, await client.GetFromJsonAsync<int>("/orders/count", cancellationToken));
    }
}
