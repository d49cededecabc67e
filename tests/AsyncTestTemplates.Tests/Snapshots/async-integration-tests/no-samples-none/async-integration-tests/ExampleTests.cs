using System.Net.Http.Json;

namespace Acme.Api.IntegrationTests;

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
}
