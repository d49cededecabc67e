using System.Net.Http.Json;
using AsyncTestsNamespace.Samples.CodeUnderTest;

namespace AsyncTestsNamespace.Samples;

/// <summary>
/// A time-dependent endpoint tested on the app's fake clock: half an hour passes in no time, and the
/// boundary is hit to the second, every run.
/// </summary>
[Collection(OrdersApiCollectionDefinition.Name)]
public sealed class OrderExpiryTests(OrdersApiFixture api) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => api.ResetAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task A_pending_order_expires_when_its_payment_window_has_passed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = api.CreateClient();
        using var placed = await client.PostAsJsonAsync("/orders", new PlaceOrderRequest("Ada", 1), cancellationToken);
        placed.EnsureSuccessStatusCode();

        api.Time.Advance(OrderEndpoints.PaymentWindow - TimeSpan.FromSeconds(1));
        var justBefore = await client.GetFromJsonAsync<OrderResponse>(placed.Headers.Location, ApiJson.Options, cancellationToken);
        api.Time.Advance(TimeSpan.FromSeconds(1));
        var atTheEnd = await client.GetFromJsonAsync<OrderResponse>(placed.Headers.Location, ApiJson.Options, cancellationToken);

        Assert.Equal(OrderStatus.Pending, justBefore?.Status);
        Assert.Equal(OrderStatus.Expired, atTheEnd?.Status);
    }
}
