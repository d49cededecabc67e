using System.Reflection;
using Microsoft.AspNetCore.TestHost;

namespace Acme.Api.IntegrationTests;

/// <summary>
/// The project under test, started from its own entry point (as <c>WebApplicationFactory</c> does)
/// once for the <see cref="ApiCollectionDefinition"/>: its real configuration and services, with the test's
/// clock, logging and database settings put in their place.
/// </summary>
/// <remarks>
/// The entry point's class is found when the tests run, not named here: a <c>Program</c> in any
/// namespace or in none, public or internal (top-level statements), Startup-style or minimal API,
/// builds with no edits. The app runs in the Development environment, as
/// <c>WebApplicationFactory</c>'s default.
/// </remarks>
public sealed class ApiFixture : AppFixture
{
    /// <summary>
    /// The settings your app validates at start go here (<c>ValidateOnStart</c>, required options),
    /// keyed as in appsettings.json: the app gets them over its own settings files. A start that
    /// fails on a missing setting names the setting and this place.
    /// </summary>
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        // ["Payments:ApiKey"] = "test-key",
    };

    protected override Task<TestServer> StartAppAsync(CancellationToken cancellationToken) =>
        StartEntryPointAsync(
            Assembly.Load(new AssemblyName("Acme.Api")),
            configure: null,
            cancellationToken);
}
