using System.Net;
using System.Net.Http.Json;
using AsyncTestsNamespace.Samples.CodeUnderTest;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncTestsNamespace.Samples;

/// <summary>
/// A background job inside the app: triggered by a request that is answered before the work is
/// done, and awaited through the event the job publishes when it is, never by waiting a while.
/// </summary>
[Collection(OrdersApiCollectionDefinition.Name)]
public sealed class ConfirmationJobTests(OrdersApiFixture api) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => api.ResetAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task A_confirmed_order_is_confirmed_in_the_background_and_never_expires()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = api.CreateClient();
        using var placed = await client.PostAsJsonAsync("/orders", new PlaceOrderRequest("Ada", 1), cancellationToken);
        var order = await placed.Content.ReadFromJsonAsync<OrderResponse>(ApiJson.Options, cancellationToken);
        Assert.NotNull(order);

        // Subscribe before triggering: the event cannot slip past between the two.
        using var events = api.Services.GetRequiredService<OrderEvents>().Subscribe();
        using var accepted = await client.PostAsync($"/orders/{order.Id}/confirmation", content: null, cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var done = await events.Events.ReadAsync(cancellationToken).AsTask()
            .WaitWithinGuardAsync($"the job to confirm order {order.Id}", cancellationToken);

        Assert.Equal(new OrderEvent("confirmed", order.Id), done);
        api.Time.Advance(OrderEndpoints.PaymentWindow);
        var confirmed = await client.GetFromJsonAsync<OrderResponse>(placed.Headers.Location, ApiJson.Options, cancellationToken);
        Assert.Equal(OrderStatus.Confirmed, confirmed?.Status);
    }
}
