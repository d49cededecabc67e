using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Acme.Api.IntegrationTests;

/// <summary>
/// A minimal app, hosted once for the <see cref="ExampleApiCollectionDefinition"/> on ASP.NET Core's
/// in-memory test server (<c>builder.WebHost.UseTestServer()</c>; the old
/// <c>new TestServer(new WebHostBuilder())</c> is obsolete since .NET 10). Replace it with your own
/// app: map its endpoints here, or point an <see cref="AppFixture"/> at its <c>Program</c> with
/// <c>WebApplicationFactory</c> (what <c>--sut</c> generates).
/// </summary>
public sealed class ExampleApiFixture : AppFixture
{
    private WebApplication? _app;

    protected override async Task<TestServer> StartAppAsync(CancellationToken cancellationToken)
    {
        await CreateSchemaAsync(cancellationToken);

        // An empty builder: nothing from the machine's configuration or environment leaks in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseTestServer();
        builder.Services.AddRouting();
        var connectionString = Database.ConnectionString;
        builder.Services.AddSingleton<DbDataSource>(_ => SqliteFactory.Instance.CreateDataSource(connectionString));
        builder.Services.AddSingleton(TimeProvider.System);
        AddTestServices(builder.Services);

        _app = builder.Build();
        _app.MapGet("/now", (TimeProvider time) => time.GetUtcNow());
        _app.MapPost("/visits", async (DbDataSource database, TimeProvider time, CancellationToken requestAborted) =>
        {
            await using var insert = database.CreateCommand("INSERT INTO visits (at) VALUES (@at)");
            var at = insert.CreateParameter();
            at.ParameterName = "@at";
            at.Value = time.GetUtcNow();
            insert.Parameters.Add(at);
            await insert.ExecuteNonQueryAsync(requestAborted);
            return TypedResults.NoContent();
        });
        _app.MapGet("/visits/count", async (DbDataSource database, CancellationToken requestAborted) =>
        {
            await using var count = database.CreateCommand("SELECT COUNT(*) FROM visits");
            return Convert.ToInt32(await count.ExecuteScalarAsync(requestAborted), System.Globalization.CultureInfo.InvariantCulture);
        });
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

    // The schema the app expects, made before it starts (a real app might migrate at startup instead).
    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        await using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE visits (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL)";
        await create.ExecuteNonQueryAsync(cancellationToken);
    }
}
