using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Acme.Api.IntegrationTests;

/// <summary>
/// A minimal app, hosted once for the <see cref="ExampleApiCollectionDefinition"/> on ASP.NET Core's
/// in-memory test server. Replace it with your own app: register and map it here as its Program.cs
/// does, or point an <see cref="AppFixture"/> at its <c>Program</c> with <c>WebApplicationFactory</c>
/// (what <c>--sut</c> generates).
/// </summary>
public sealed class ExampleApiFixture : AppFixture
{
    protected override async Task<TestServer> StartAppAsync(CancellationToken cancellationToken)
    {
        return await StartWebApplicationAsync(
            builder =>
            {
                builder.Services.AddSingleton(TimeProvider.System);
            },
            MapEndpoints,
            cancellationToken);
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/now", (TimeProvider time) => time.GetUtcNow());
    }
}
