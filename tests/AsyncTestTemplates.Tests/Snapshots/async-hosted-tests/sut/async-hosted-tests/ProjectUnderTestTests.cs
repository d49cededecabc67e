using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Acme.Worker.Tests;

/// <summary>
/// A first test for the project under test: each of its background services starts in a host on
/// fake time and stops cleanly within the shutdown timeout, without crashing. Start here, then
/// add tests of what each service does.
/// </summary>
public sealed class ProjectUnderTestTests
{
    public static TheoryData<Type> BackgroundServices { get; } =
    [
        .. Assembly.Load(new AssemblyName("Acme.Worker")).GetExportedTypes()
            .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(BackgroundService).IsAssignableFrom(type)),
    ];

    [Theory(Timeout = TestTimeouts.Default)]
    [MemberData(nameof(BackgroundServices))]
    public async Task Starts_and_stops_cleanly(Type serviceType)
    {
        await using var harness = await HostedServiceHarness.StartAsync(
            // Register what the project's services depend on here, as its Program.cs does; the
            // harness already provides logging, a fake TimeProvider and the host's options.
            services => services.AddSingleton(typeof(IHostedService), serviceType),
            TestContext.Current.CancellationToken);

        await harness.StopAsync();
    }
}
