using System.Data.Common;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Acme.Api.IntegrationTests.Samples.CodeUnderTest;

/// <summary>
/// A small orders API, standing in for the app a real test project tests: what its Program.cs
/// would register and map. It takes its clock from <see cref="TimeProvider"/> and every request's
/// cancellation token, which is what makes it testable on fake time and cancellable.
/// </summary>
public static class OrdersApi
{
    /// <summary>The name of the connection string the API reads (<c>ConnectionStrings:Orders</c>).</summary>
    public const string ConnectionStringName = "Orders";

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"No connection string '{ConnectionStringName}' is configured.");
        services.AddSingleton<DbDataSource>(_ => SqliteFactory.Instance.CreateDataSource(connectionString));
        services.AddHostedService<OrderSchema>();
        services.AddSingleton<IOrderStore, SqlOrderStore>();
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
