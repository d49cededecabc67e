using System.Net.Http.Json;
using AsyncTestsNamespace.Samples.CodeUnderTest;

namespace AsyncTestsNamespace.Samples;

/// <summary>
/// Two tests that share the app and its database and still see only their own orders, whichever
/// runs first: the reset in <see cref="InitializeAsync"/> is what isolates them. Take it out and one
/// of the two fails.
/// </summary>
[Collection(OrdersApiCollectionDefinition.Name)]
public sealed class IsolationTests(OrdersApiFixture api) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => api.ResetAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task One_order_placed_is_one_order_counted() =>
        Assert.Equal(1, await PlaceOrdersAndCountAsync(1, TestContext.Current.CancellationToken));

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Three_orders_placed_are_three_orders_counted() =>
        Assert.Equal(3, await PlaceOrdersAndCountAsync(3, TestContext.Current.CancellationToken));

    private async Task<int> PlaceOrdersAndCountAsync(int orders, CancellationToken cancellationToken)
    {
        using var client = api.CreateClient();
        for (var i = 0; i < orders; i++)
        {
            using var placed = await client.PostAsJsonAsync("/orders", new PlaceOrderRequest($"Customer {i}", 1), cancellationToken);
            placed.EnsureSuccessStatusCode();
        }

        return await client.GetFromJsonAsync<int>("/orders/count", cancellationToken);
    }
}
