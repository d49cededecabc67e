using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
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
    public static void AddServices(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<InMemoryOrderStore>();
        services.AddSingleton<IOrderStore>(provider => provider.GetRequiredService<InMemoryOrderStore>());
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
