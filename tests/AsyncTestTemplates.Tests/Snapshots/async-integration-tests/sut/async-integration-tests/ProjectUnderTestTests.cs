using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Acme.Api.IntegrationTests;

/// <summary>
/// A first test of the project under test: it starts in this process on the test's clock and
/// database, and answers a request. Start here, then add tests of its endpoints.
/// </summary>
[Collection(ApiCollectionDefinition.Name)]
public sealed class ProjectUnderTestTests(ApiFixture api) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => api.ResetAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task The_app_starts_with_the_test_services_and_answers_a_request()
    {
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        // Any answer but a 5xx: the root may well be 404 or need a login.
        Assert.True((int)response.StatusCode < 500, $"GET / answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        // What the fixture put in place of the app's own is what the app resolves.
        Assert.Same(api.Time, api.Services.GetRequiredService<TimeProvider>());
        Assert.Equal(
            api.Database.ConnectionString,
            api.Services.GetRequiredService<IConfiguration>().GetConnectionString(ApiFixture.ConnectionStringName));
    }
}
