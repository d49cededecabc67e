//#if (HasDatabase)
using System.Data.Common;
//#endif
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
//#if (DatabaseSqlite)
using Microsoft.Data.Sqlite;
//#endif
//#if (HasDatabase)
using Microsoft.Extensions.Configuration;
//#endif
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
//#if (DatabasePostgres)
using Npgsql;
//#endif

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>
/// A small orders API, standing in for the app a real test project tests: what its Program.cs
/// would register and map. It takes its clock from <see cref="TimeProvider"/> and every request's
/// cancellation token, which is what makes it testable on fake time and cancellable.
/// </summary>
public static class OrdersApi
{
//#if (HasDatabase)
    /// <summary>The name of the connection string the API reads (<c>ConnectionStrings:Orders</c>).</summary>
    public const string ConnectionStringName = "Orders";

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
//#else
    public static void AddServices(IServiceCollection services)
//#endif
    {
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
//#if (HasDatabase)
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"No connection string '{ConnectionStringName}' is configured.");
//#endif
//#if (DatabaseSqlite)
        services.AddSingleton<DbDataSource>(_ => SqliteFactory.Instance.CreateDataSource(connectionString));
//#elseif (DatabasePostgres)
        services.AddSingleton<DbDataSource>(_ => NpgsqlDataSource.Create(connectionString));
//#endif
//#if (HasDatabase)
        services.AddHostedService<OrderSchema>();
        services.AddSingleton<IOrderStore, SqlOrderStore>();
//#else
        services.AddSingleton<InMemoryOrderStore>();
        services.AddSingleton<IOrderStore>(provider => provider.GetRequiredService<InMemoryOrderStore>());
//#endif
        services.AddSingleton<OrderEvents>();
        services.AddSingleton<PendingConfirmations>();
        services.AddHostedService<OrderConfirmationWorker>();
    }

    public static void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapPost("/orders", OrderEndpoints.PlaceAsync);
        app.MapGet("/orders/count", OrderEndpoints.CountAsync);
        app.MapGet("/orders/{id:long}", OrderEndpoints.GetAsync);
        app.MapPost("/orders/{id:long}/confirmation", OrderEndpoints.ConfirmAsync);
        app.MapGet("/orders/events", OrderEventFeed.StreamAsync);
        app.MapGet("/reports/daily", DailyReport.GetAsync);
    }
}
