using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace AsyncTestsNamespace;

/// <summary>
/// A real PostgreSQL database for one fixture: created with a unique name on the server named by
/// <see cref="ServerVariable"/>, and dropped when the fixture is disposed.
/// </summary>
/// <remarks>
/// The server is never mocked and never skipped: without one the fixture fails, and every test of
/// its collection fails with the reason and the fix. Its login must be allowed to create databases
/// (CREATEDB); dropping needs PostgreSQL 13 or later.
/// </remarks>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable with the connection string of the server to test against.</summary>
    public const string ServerVariable = "TEST_POSTGRES_CONNECTION_STRING";

    /// <summary>Used when <see cref="ServerVariable"/> is not set: a local server's default login.</summary>
    public const string DefaultServer = "Host=localhost;Username=postgres";

    private readonly string _serverConnectionString;
    private readonly NpgsqlDataSource _testConnections;

    private TestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ToString();
        _testConnections = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>Tables <see cref="ResetAsync"/> leaves alone: schema bookkeeping and reference data.</summary>
    public static IReadOnlySet<string> KeptOnReset { get; } = new HashSet<string>(StringComparer.Ordinal) { "__EFMigrationsHistory" };

    /// <summary>The database's name on the server.</summary>
    public string Name { get; }

    /// <summary>What the app connects with.</summary>
    public string ConnectionString { get; }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "A database name cannot be a parameter: this one is made here from a GUID.")]
    public static async Task<TestDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var configured = Environment.GetEnvironmentVariable(ServerVariable);
        var server = string.IsNullOrWhiteSpace(configured) ? DefaultServer : configured;
        var name = $"test_{Guid.NewGuid():N}";
        await using (var connection = await OpenServerAsync(server, cancellationToken))
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new TestDatabase(server, name);
    }

    /// <summary>Opens a connection of the test's own. Dispose it when done.</summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _testConnections.OpenConnectionAsync(cancellationToken);

    /// <summary>Empties every table but those in <see cref="KeptOnReset"/> and restarts their identities; the schema stays.</summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "Table names cannot be parameters: they come from the database's own catalogue, quoted by the server (format('%I')).")]
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        List<string> tables = [];
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT format('%I.%I', schemaname, tablename), tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!KeptOnReset.Contains(reader.GetString(1)))
                {
                    tables.Add(reader.GetString(0));
                }
            }
        }

        if (tables.Count == 0)
        {
            return;
        }

        await using var truncate = connection.CreateCommand();
        // One statement for all of them: foreign keys between them do not get in the way.
        truncate.CommandText = $"TRUNCATE TABLE {string.Join(", ", tables)} RESTART IDENTITY CASCADE";
        await truncate.ExecuteNonQueryAsync(cancellationToken);
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "A database name cannot be a parameter: this one was made by CreateAsync from a GUID.")]
    public async ValueTask DisposeAsync()
    {
        await _testConnections.DisposeAsync();
        // Its own real-time bound: teardown runs after the test's token may have been cancelled.
        using var bounded = new CancellationTokenSource(TestTimeouts.Guard);
        await using var connection = await OpenServerAsync(_serverConnectionString, bounded.Token);
        // FORCE ends connections a crashed or still-stopping app left open.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(bounded.Token);
    }

    private static async Task<NpgsqlConnection> OpenServerAsync(string server, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(server);
        var connection = new NpgsqlConnection(server);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (NpgsqlException ex)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"No PostgreSQL server to test against at {builder.Host}:{builder.Port} as '{builder.Username ?? Environment.UserName}': {ex.Message.TrimEnd('.')}. " +
                $"Set the environment variable {ServerVariable} to the connection string of a server where that login may create databases " +
                "(e.g. Host=localhost;Port=5432;Username=postgres;Password=…), or start PostgreSQL locally. " +
                "The tests create a database of their own there and drop it afterwards.",
                ex);
        }
    }
}
