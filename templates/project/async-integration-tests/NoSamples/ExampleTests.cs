using System.Net.Http.Json;

namespace AsyncTestsNamespace;

/// <summary>
/// The shape of an integration test here: the app shared by the collection, reset before each test,
/// a client whose requests are bounded, the test's token passed to every call, and fake time.
/// </summary>
[Collection(ExampleApiCollectionDefinition.Name)]
public sealed class ExampleTests(ExampleApiFixture api) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => api.ResetAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task The_app_tells_the_time_of_the_test_clock()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = api.CreateClient();
        var start = api.Time.GetUtcNow();

        var before = await client.GetFromJsonAsync<DateTimeOffset>("/now", cancellationToken);
        api.Time.Advance(TimeSpan.FromDays(1));
        var after = await client.GetFromJsonAsync<DateTimeOffset>("/now", cancellationToken);

        Assert.Equal((start, start.AddDays(1)), (before, after));
    }
//#if (HasDatabase)

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Visits_are_counted_in_the_database_from_an_empty_start()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = api.CreateClient();

        for (var visit = 0; visit < 2; visit++)
        {
            using var response = await client.PostAsync("/visits", content: null, cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        Assert.Equal(2, await client.GetFromJsonAsync<int>("/visits/count", cancellationToken));
    }
//#endif
}
