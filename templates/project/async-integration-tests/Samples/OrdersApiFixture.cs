using AsyncTestsNamespace.Samples.CodeUnderTest;
using Microsoft.AspNetCore.TestHost;
//#if (HasDatabase)
using Microsoft.Extensions.Configuration;
//#else
using Microsoft.Extensions.DependencyInjection;
//#endif

namespace AsyncTestsNamespace.Samples;

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
//#if (HasDatabase)
                builder.Configuration.AddInMemoryCollection(
                    [new($"ConnectionStrings:{OrdersApi.ConnectionStringName}", Database.ConnectionString)]);
                OrdersApi.AddServices(builder.Services, builder.Configuration);
//#else
                OrdersApi.AddServices(builder.Services);
//#endif
            },
            OrdersApi.MapEndpoints,
            cancellationToken);
//#if (!HasDatabase)

    protected override ValueTask ResetAppStateAsync(CancellationToken cancellationToken)
    {
        Services.GetRequiredService<InMemoryOrderStore>().Clear();
        return ValueTask.CompletedTask;
    }
//#endif
}
