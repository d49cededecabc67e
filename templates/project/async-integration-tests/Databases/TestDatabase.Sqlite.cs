using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace AsyncTestsNamespace;

/// <summary>
/// A real SQLite database for one fixture: in memory, private to it, gone when it is disposed.
/// </summary>
/// <remarks>
/// A shared-cache in-memory database lives while at least one connection to it is open. This class
/// holds one open for its whole life, so the app's own connections (opened and closed per request)
/// and the test's all see the same data. Its name is unique: fixtures of collections running in
/// parallel never see each other's rows.
/// </remarks>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _keepAlive;

    private TestDatabase(SqliteConnection keepAlive, string connectionString)
    {
        _keepAlive = keepAlive;
        ConnectionString = connectionString;
    }

    /// <summary>Tables <see cref="ResetAsync"/> leaves alone: schema bookkeeping and reference data.</summary>
    public static IReadOnlySet<string> KeptOnReset { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "__EFMigrationsHistory" };

    /// <summary>What the app connects with.</summary>
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"tests-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        }.ToString();

        // Not pooled: closing it at the end must really close it, so that the database goes away.
        var keepAlive = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await keepAlive.OpenAsync(cancellationToken);
        return new TestDatabase(keepAlive, connectionString);
    }

    /// <summary>Opens a connection of the test's own. Dispose it when done.</summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Deletes every row of every table but those in <see cref="KeptOnReset"/>; the schema stays.</summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "Table names cannot be parameters: they come from the database's own catalogue, quoted.")]
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        List<string> tables = [];
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            // sqlite_sequence holds the AUTOINCREMENT counters: they start again too.
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND (name = 'sqlite_sequence' OR name NOT LIKE 'sqlite\\_%' ESCAPE '\\')";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var statements = tables.Where(table => !KeptOnReset.Contains(table))
            .Select(table => $"DELETE FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")
            // Foreign keys are checked at commit, when every table is empty: any order works.
            .Prepend("PRAGMA defer_foreign_keys = ON");
        foreach (var statement in statements)
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = statement;
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Idle pooled connections of the app and the tests would keep the database alive.
        using (var pooled = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        await _keepAlive.DisposeAsync();
    }
}
