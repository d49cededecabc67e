using Acme.Api.IntegrationTests.Samples.CodeUnderTest;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

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
                builder.Configuration.AddInMemoryCollection(
                    [new($"ConnectionStrings:{OrdersApi.ConnectionStringName}", Database.ConnectionString)]);
                OrdersApi.AddServices(builder.Services, builder.Configuration);
            },
            OrdersApi.MapEndpoints,
            cancellationToken);
}
