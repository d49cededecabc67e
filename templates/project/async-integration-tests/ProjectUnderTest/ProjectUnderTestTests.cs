//#if (HasDatabase)
using Microsoft.Extensions.Configuration;
//#endif
using Microsoft.Extensions.DependencyInjection;

namespace AsyncTestsNamespace;

/// <summary>
/// A first test of the project under test: it starts in this process from its own entry point and
/// answers a request. Start here, then add tests of its endpoints.
/// </summary>
/// <remarks>
/// What it proves: the app starts and answers <c>GET /</c> without a server error; its container
/// resolves the test's clock for <see cref="TimeProvider"/>.
//#if (HasDatabase)
/// Its configuration returns the test database's connection string under
/// <c>ConnectionStrings:Default</c> (<see cref="ApiFixture.ConnectionStringName"/>).
/// What you must verify yourself: that the app reads its connection from there (not from a
/// hard-coded path or a setting of another name): a test that writes through the API and reads the
/// row back from <see cref="AppFixture.Database"/> proves it. Until then, nothing here shows that
/// the app used the test's database.
//#endif
/// It does not prove that the app's code uses the injected clock rather than the system's.
/// </remarks>
[Collection(ApiCollectionDefinition.Name)]
public sealed class ProjectUnderTestTests(ApiFixture api) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => api.ResetAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact(Timeout = TestTimeouts.Default)]
//#if (HasDatabase)
    public async Task The_app_starts_answers_a_request_and_is_configured_with_the_test_clock_and_connection_string()
//#else
    public async Task The_app_starts_answers_a_request_and_is_configured_with_the_test_clock()
//#endif
    {
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        // Any answer but a 5xx: the root may well be 404 or need a login.
        Assert.True((int)response.StatusCode < 500, $"GET / answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        // What the fixture put in place of the app's own is what the app resolves.
        Assert.Same(api.Time, api.Services.GetRequiredService<TimeProvider>());
//#if (HasDatabase)
        Assert.Equal(
            api.Database.ConnectionString,
            api.Services.GetRequiredService<IConfiguration>().GetConnectionString(ApiFixture.ConnectionStringName));
//#endif
    }
}
