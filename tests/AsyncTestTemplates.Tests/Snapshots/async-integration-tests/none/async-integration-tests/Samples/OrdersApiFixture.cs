using Acme.Api.IntegrationTests.Samples.CodeUnderTest;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Acme.Api.IntegrationTests.Samples;

/// <summary>
/// The sample <see cref="OrdersApi"/>, started once for the <see cref="OrdersApiCollectionDefinition"/>
/// on ASP.NET Core's in-memory test server, as its Program.cs would set it up.
/// </summary>
public sealed class OrdersApiFixture : AppFixture
{
    protected override Task<TestServer> StartAppAsync(CancellationToken cancellationToken) =>
        StartWebApplicationAsync(
            builder =>
            {
                OrdersApi.AddServices(builder.Services);
            },
            OrdersApi.MapEndpoints,
            cancellationToken);

    protected override ValueTask ResetAppStateAsync(CancellationToken cancellationToken)
    {
        Services.GetRequiredService<InMemoryOrderStore>().Clear();
        return ValueTask.CompletedTask;
    }
}
