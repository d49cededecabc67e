using System.Net.Http.Json;
using AsyncTestsNamespace.Samples.CodeUnderTest;

namespace AsyncTestsNamespace.Samples;

/// <summary>
/// The app against its real database: what goes in through the API is in the table, and what is put
/// in the table is served by the API, checked with the test's own connection.
/// </summary>
[Collection(OrdersApiCollectionDefinition.Name)]
public sealed class OrderStorageTests(OrdersApiFixture api) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => api.ResetAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task An_order_placed_through_the_api_is_stored_in_the_database()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = api.CreateClient();
        using var placed = await client.PostAsJsonAsync("/orders", new PlaceOrderRequest("Ada", 2), cancellationToken);
        var order = await placed.Content.ReadFromJsonAsync<OrderResponse>(ApiJson.Options, cancellationToken);
        Assert.NotNull(order);

        await using var connection = await api.Database.OpenConnectionAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT customer, quantity, status FROM orders WHERE id = @id";
        query.WithParameter("@id", order.Id);
        await using var row = await query.ExecuteReaderAsync(cancellationToken);

        Assert.True(await row.ReadAsync(cancellationToken), $"Order {order.Id} is not in the orders table.");
        Assert.Equal(("Ada", 2, "Pending"), (row.GetString(0), row.GetInt32(1), row.GetString(2)));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task An_order_written_to_the_database_is_served_by_the_api()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        long id;
        await using (var connection = await api.Database.OpenConnectionAsync(cancellationToken))
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO orders (customer, quantity, status, placed_at) VALUES (@customer, 3, 'Pending', @placed_at) RETURNING id";
            // Placed an hour ago by the app's clock: past its payment window.
            insert.WithParameter("@customer", "Grace").WithParameter("@placed_at", api.Time.GetUtcNow().AddHours(-1));
            id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        using var client = api.CreateClient();
        var order = await client.GetFromJsonAsync<OrderResponse>($"/orders/{id}", ApiJson.Options, cancellationToken);

        Assert.Equal(("Grace", 3, OrderStatus.Expired), (order?.Customer, order?.Quantity, order?.Status));
    }
}
