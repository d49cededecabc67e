using System.Data.Common;
using Microsoft.Extensions.Hosting;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>
/// Creates the API's table when the app starts, before it serves a request: against the empty test
/// database exactly as against a new production one.
/// </summary>
public sealed class OrderSchema(DbDataSource database) : IHostedService
{
//#if (DatabasePostgres)
    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS orders (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            customer text NOT NULL,
            quantity integer NOT NULL,
            status text NOT NULL,
            placed_at timestamptz NOT NULL
        )
        """;
//#else
    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS orders (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            status TEXT NOT NULL,
            placed_at TEXT NOT NULL
        )
        """;
//#endif

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(CreateTables);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
