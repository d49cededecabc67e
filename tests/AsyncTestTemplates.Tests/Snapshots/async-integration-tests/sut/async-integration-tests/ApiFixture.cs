using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Acme.Api.IntegrationTests;

/// <summary>
/// The project under test, started from its own <c>Program</c> by <see cref="WebApplicationFactory{TEntryPoint}"/>
/// once for the <see cref="ApiCollectionDefinition"/>: its real configuration and services, with the test's
/// clock, logging and database put in their place.
/// </summary>
/// <remarks>
/// <c>Program</c> is public: .NET 10's web SDK makes the <c>Program</c> class of top-level statements
/// public (on .NET 8 or 9, add <c>public partial class Program { }</c> to Program.cs yourself). The app
/// runs in the Development environment, as <see cref="WebApplicationFactory{TEntryPoint}"/>'s default.
/// </remarks>
public sealed class ApiFixture : AppFixture
{
    /// <summary>
    /// The connection string the fixture points at <see cref="AppFixture.Database"/>: the name the
    /// app reads with <c>builder.Configuration.GetConnectionString(…)</c>. Change it to your app's.
    /// </summary>
    public const string ConnectionStringName = "Default";

    private AppFactory? _factory;

    protected override Task<TestServer> StartAppAsync(CancellationToken cancellationToken)
    {
        _factory = new AppFactory(this);
        // WebApplicationFactory starts the app synchronously, on first use of Server: start it on
        // the thread pool, so that the fixture can bound the wait (a start that hangs, on a
        // database it cannot reach say, fails the collection instead of hanging the run).
        return Task.Run(() => _factory.Server, cancellationToken);
    }

    protected override async ValueTask StopAppAsync()
    {
        if (_factory is not null)
        {
            // Stops the host (within the shutdown timeout AddTestServices sets), then disposes it.
            await _factory.DisposeAsync();
        }
    }

    private sealed class AppFactory(ApiFixture fixture) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting($"ConnectionStrings:{ConnectionStringName}", fixture.Database.ConnectionString);
            // After the app's own registrations: these replace its clock and logging.
            builder.ConfigureTestServices(fixture.AddTestServices);
        }
    }
}
