using Acme.Api.IntegrationTests.Samples.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Acme.Api.IntegrationTests.Samples;

/// <summary>
/// The sample <see cref="OrdersApi"/> started once for the <see cref="OrdersApiCollectionDefinition"/>, on
/// ASP.NET Core's in-memory test server: <c>builder.WebHost.UseTestServer()</c>, the current API
/// (<c>new TestServer(new WebHostBuilder())</c> is obsolete since .NET 10).
/// </summary>
public sealed class OrdersApiFixture : AppFixture
{
    private WebApplication? _app;

    protected override async Task<TestServer> StartAppAsync(CancellationToken cancellationToken)
    {
        // An empty builder: no appsettings files, environment variables or console logging from
        // the machine the tests run on. The test decides every setting.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseTestServer();
        builder.Services.AddRouting();
        OrdersApi.AddServices(builder.Services);
        AddTestServices(builder.Services);

        _app = builder.Build();
        OrdersApi.MapEndpoints(_app);
        await _app.StartAsync(cancellationToken);
        return _app.GetTestServer();
    }

    protected override async ValueTask StopAppAsync()
    {
        if (_app is null)
        {
            return;
        }

        // Its own bound: teardown runs after the test's token may have been cancelled.
        using var bounded = new CancellationTokenSource(TestTimeouts.Guard);
        try
        {
            await _app.StopAsync(bounded.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }

    protected override ValueTask ResetAppStateAsync(CancellationToken cancellationToken)
    {
        Services.GetRequiredService<InMemoryOrderStore>().Clear();
        return ValueTask.CompletedTask;
    }
}
