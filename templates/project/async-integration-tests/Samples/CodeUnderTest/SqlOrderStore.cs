using System.Data.Common;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>Orders in the <c>orders</c> table (see <see cref="OrderSchema"/>), through plain ADO.NET.</summary>
public sealed class SqlOrderStore(DbDataSource database) : IOrderStore
{
    private const string Columns = "id, customer, quantity, status, placed_at";

    public async Task<Order> AddAsync(string customer, int quantity, DateTimeOffset placedAt, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"INSERT INTO orders (customer, quantity, status, placed_at) VALUES (@customer, @quantity, @status, @placed_at) RETURNING {Columns}");
        command.WithParameter("@customer", customer)
            .WithParameter("@quantity", quantity)
            .WithParameter("@status", nameof(OrderStatus.Pending))
            .WithParameter("@placed_at", placedAt);
        return await ReadSingleAsync(command, cancellationToken)
            ?? throw new InvalidOperationException("The insert returned no row.");
    }

    public async Task<Order?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM orders WHERE id = @id");
        command.WithParameter("@id", id);
        return await ReadSingleAsync(command, cancellationToken);
    }

    public async Task<bool> ConfirmAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("UPDATE orders SET status = @confirmed WHERE id = @id AND status = @pending");
        command.WithParameter("@confirmed", nameof(OrderStatus.Confirmed))
            .WithParameter("@pending", nameof(OrderStatus.Pending))
            .WithParameter("@id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT COUNT(*) FROM orders");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Order?> ReadSingleAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Order(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetInt32(2),
            Enum.Parse<OrderStatus>(reader.GetString(3)),
            await reader.GetFieldValueAsync<DateTimeOffset>(4, cancellationToken));
    }
}
