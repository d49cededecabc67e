using Npgsql;

namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the <c>--database postgres</c> flavour is proved against: the one named by
/// TEST_POSTGRES_CONNECTION_STRING (the variable the generated tests read; .ci/run starts a server
/// with scripts/postgres-test-server.sh and sets it).
/// </summary>
public sealed class PostgresServer
{
    public const string Variable = "TEST_POSTGRES_CONNECTION_STRING";

    /// <summary>Set (to anything) where a missing server must fail the run instead of skipping: CI sets it.</summary>
    public const string RequiredVariable = "ATT_REQUIRE_POSTGRES";

    private PostgresServer(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    /// <summary>The server from the environment; without one the calling test is skipped (or fails, where required).</summary>
    public static PostgresServer FromEnvironment()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new PostgresServer(connectionString);
        }

        const string Reason = $"{Variable} is not set: start a server with 'scripts/postgres-test-server.sh start' and set the variable to what it prints.";
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RequiredVariable)), Reason);
        Assert.Skip(Reason);
        throw new InvalidOperationException("Unreachable: Assert.Skip throws.");
    }

    /// <summary>The databases whose names the generated fixtures use (<c>test_&lt;guid&gt;</c>).</summary>
    public async Task<IReadOnlyList<string>> ListTestDatabasesAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%' ORDER BY datname", connection);
        await using var reader = await list.ExecuteReaderAsync(cancellationToken);
        List<string> names = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
