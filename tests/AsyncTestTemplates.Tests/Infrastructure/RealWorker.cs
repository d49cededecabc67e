
namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>
/// Workers shaped like real ones, written at src/Acme.Worker of a <see cref="SampleRepository"/>:
/// internal services resolving, inside ExecuteAsync, what Program.cs registers; a service on the
/// injected TimeProvider; one shape per <see cref="Shape"/>, each a Program.cs over the same services.
/// </summary>
public static class RealWorker
{
    public enum Shape
    {
        /// <summary>Host.CreateApplicationBuilder, internal services, a scoped dependency and a clock from Program.cs.</summary>
        ApplicationBuilder,

        /// <summary>Host.CreateDefaultBuilder with ConfigureServices, the older style.</summary>
        DefaultBuilder,

        /// <summary>ApplicationBuilder plus a service that calls an HTTP API a test cannot reach.</summary>
        UnreachableDependency,
    }

    /// <summary>The line OrderWorker logs once it has resolved its Program.cs-registered processor.</summary>
    public const string OrderWorkerLogLine = "Processed 3 pending orders";

    /// <summary>Writes (or rewrites) the worker project for <paramref name="shape"/>.</summary>
    public static async Task WriteAsync(SampleRepository repository, Shape shape, CancellationToken cancellationToken)
    {
        var project = Path.Combine(repository.Root, "src", "Acme.Worker");
        Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(Path.Combine(project, "Acme.Worker.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Worker">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="{PackageVersions.ByProperty["MicrosoftExtensionsHostingVersion"]}" />
                <PackageReference Include="Microsoft.Extensions.Http" Version="{PackageVersions.ByProperty["MicrosoftExtensionsHttpVersion"]}" />
              </ItemGroup>
            </Project>
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "appsettings.json"), """
            { "Logging": { "LogLevel": { "Default": "Warning" } } }
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "Services.cs"), Services, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), shape switch
        {
            Shape.DefaultBuilder => """
                using Acme.Worker;

                Host.CreateDefaultBuilder(args)
                    .ConfigureServices(services => services
                        .AddSingleton(TimeProvider.System)
                        .AddSingleton<IOrderQueue, OrderQueue>()
                        .AddScoped<OrderProcessor>()
                        .AddHostedService<OrderWorker>()
                        .AddHostedService<CleanupWorker>())
                    .Build()
                    .Run();

                """,
            _ => """
                using Acme.Worker;

                var builder = Host.CreateApplicationBuilder(args);
                builder.Services.AddSingleton(TimeProvider.System);
                builder.Services.AddSingleton<IOrderQueue, OrderQueue>();
                builder.Services.AddScoped<OrderProcessor>();
                builder.Services.AddHostedService<OrderWorker>();
                builder.Services.AddHostedService<CleanupWorker>();

                """ + (shape == Shape.UnreachableDependency ? """
                builder.Services.AddHttpClient<ExchangeRates>(client => client.BaseAddress = new Uri("http://rates.acme.invalid/"));
                builder.Services.AddHostedService<RateWorker>();

                """ : "") + """
                builder.Build().Run();

                """,
        }, cancellationToken);
    }

    private const string Services = """
        namespace Acme.Worker;

        internal interface IOrderQueue
        {
            IReadOnlyList<int> TakePending();
        }

        internal sealed class OrderQueue : IOrderQueue
        {
            public IReadOnlyList<int> TakePending() => [1, 2, 3];
        }

        internal sealed class OrderProcessor(IOrderQueue queue)
        {
            public int ProcessPending() => queue.TakePending().Count;
        }

        /// <summary>Resolves its processor (registered in Program.cs) from a scope, inside ExecuteAsync.</summary>
        internal sealed class OrderWorker(IServiceScopeFactory scopes, ILogger<OrderWorker> logger) : BackgroundService
        {
            protected override Task ExecuteAsync(CancellationToken stoppingToken)
            {
                using var scope = scopes.CreateScope();
                var processed = scope.ServiceProvider.GetRequiredService<OrderProcessor>().ProcessPending();
                // Information, below the app's own "Warning" level: the test still sees it.
                logger.LogInformation("Processed {Count} pending orders", processed);
                return Task.CompletedTask;
            }
        }

        /// <summary>Logs nothing until its first hour: seen through the timer it arms.</summary>
        internal sealed class CleanupWorker(TimeProvider time) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                }
            }
        }

        internal sealed class ExchangeRates(HttpClient http)
        {
            public Task<string> GetAsync(CancellationToken cancellationToken) => http.GetStringAsync(new Uri("rates/eur", UriKind.Relative), cancellationToken);
        }

        internal sealed class RateWorker(ExchangeRates rates, ILogger<RateWorker> logger) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                var rate = await rates.GetAsync(stoppingToken);
                logger.LogWarning("Rate {Rate}", rate);
            }
        }

        """;
}
