using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace AsyncTestsNamespace;

/// <summary>
/// The project under test, started from its own entry point by <see cref="WebApplicationFactory{TEntryPoint}"/>
/// once for the <see cref="ApiCollectionDefinition"/>: its real configuration and services, with the test's
/// clock, logging and database settings put in their place.
/// </summary>
/// <remarks>
/// The entry point's class is found when the tests run, not named here: a <c>Program</c> in any
/// namespace or in none, public or internal (top-level statements), Startup-style or minimal API,
/// builds with no edits. The app runs in the Development environment, as
/// <see cref="WebApplicationFactory{TEntryPoint}"/>'s default.
/// </remarks>
public sealed class ApiFixture : AppFixture
{
//#if (HasDatabase)
    /// <summary>
    /// The connection string the fixture points at <see cref="AppFixture.Database"/>: the name the
    /// app reads with <c>builder.Configuration.GetConnectionString(…)</c>. Change it to your app's.
    /// </summary>
    public const string ConnectionStringName = "Default";

//#endif
    private IAppFactory? _factory;

    /// <summary>
    /// The settings your app validates at start go here (<c>ValidateOnStart</c>, required options),
    /// keyed as in appsettings.json: the app gets them over its own settings files. A start that
    /// fails on a missing setting names the setting and this place.
    /// </summary>
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        // ["Payments:ApiKey"] = "test-key",
    };

    protected override Task<TestServer> StartAppAsync(CancellationToken cancellationToken)
    {
        var assembly = Assembly.Load(new AssemblyName("SutAssemblyName"));
        var entryPoint = assembly.EntryPoint?.DeclaringType
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no entry point: --sut must name the web app's project.");
        // WebApplicationFactory<T> only needs T to find the app's assembly and entry point, so the
        // type may be internal: built here by reflection, it is never named in the test's code.
        var factory = (IAppFactory)Activator.CreateInstance(typeof(AppFactory<>).MakeGenericType(entryPoint), this)!;
        _factory = factory;
        // WebApplicationFactory starts the app synchronously, on first use of Server: start it on
        // the thread pool, so that the fixture can bound the wait (a start that hangs, on a
        // database it cannot reach say, fails the collection instead of hanging the run).
        return Task.Run(() => factory.Server, cancellationToken);
    }

    protected override async ValueTask StopAppAsync()
    {
        if (_factory is not null)
        {
            // Stops the host (within the shutdown timeout AddTestServices sets), then disposes it.
            await _factory.DisposeAsync();
        }
    }

    private interface IAppFactory : IAsyncDisposable
    {
        TestServer Server { get; }
    }

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes",
        Justification = "Created by reflection in StartAppAsync: its type argument is known only when the tests run.")]
    private sealed class AppFactory<TEntryPoint>(ApiFixture fixture) : WebApplicationFactory<TEntryPoint>, IAppFactory
        where TEntryPoint : class
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in fixture.Settings)
            {
                builder.UseSetting(key, value);
            }

//#if (HasDatabase)
            builder.UseSetting($"ConnectionStrings:{ConnectionStringName}", fixture.Database.ConnectionString);
//#endif
            // After the app's own registrations: these replace its clock and logging.
            builder.ConfigureTestServices(fixture.AddTestServices);
        }
    }
}
