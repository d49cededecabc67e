//#if (HasDatabase)
using System.Data.Common;
//#endif
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
//#if (DatabaseSqlite)
using Microsoft.Data.Sqlite;
//#endif
using Microsoft.Extensions.DependencyInjection;
//#if (DatabasePostgres)
using Npgsql;
//#endif

namespace AsyncTestsNamespace;

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
//#if (HasDatabase)
        await CreateSchemaAsync(cancellationToken);
        var connectionString = Database.ConnectionString;
//#endif
        return await StartWebApplicationAsync(
            builder =>
            {
                builder.Services.AddSingleton(TimeProvider.System);
//#if (DatabaseSqlite)
                builder.Services.AddSingleton<DbDataSource>(_ => SqliteFactory.Instance.CreateDataSource(connectionString));
//#elseif (DatabasePostgres)
                builder.Services.AddSingleton<DbDataSource>(_ => NpgsqlDataSource.Create(connectionString));
//#endif
            },
            MapEndpoints,
            cancellationToken);
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/now", (TimeProvider time) => time.GetUtcNow());
//#if (HasDatabase)
        app.MapPost("/visits", async (DbDataSource database, TimeProvider time, CancellationToken requestAborted) =>
        {
            await using var insert = database.CreateCommand("INSERT INTO visits (at) VALUES (@at)");
            var at = insert.CreateParameter();
            at.ParameterName = "@at";
            at.Value = time.GetUtcNow();
            insert.Parameters.Add(at);
            await insert.ExecuteNonQueryAsync(requestAborted);
            return TypedResults.NoContent();
        });
        app.MapGet("/visits/count", async (DbDataSource database, CancellationToken requestAborted) =>
        {
            await using var count = database.CreateCommand("SELECT COUNT(*) FROM visits");
            return Convert.ToInt32(await count.ExecuteScalarAsync(requestAborted), System.Globalization.CultureInfo.InvariantCulture);
        });
//#endif
    }
//#if (HasDatabase)

    // The schema the app expects, made before it starts (a real app might migrate at startup instead).
    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        await using var create = connection.CreateCommand();
//#if (DatabasePostgres)
        create.CommandText = "CREATE TABLE visits (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL)";
//#else
        create.CommandText = "CREATE TABLE visits (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL)";
//#endif
        await create.ExecuteNonQueryAsync(cancellationToken);
    }
//#endif
}
