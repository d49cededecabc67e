
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

        /// <summary>An interactive console menu that builds a host only when asked: services of its own (<see cref="InteractiveServices"/>).</summary>
        InteractiveMenu,

        /// <summary>
        /// Internal services behind typed clients (<see cref="TypedClientServices"/>): one whose first act is a call
        /// through a token-acquiring handler and a resilience pipeline, one that needs a required setting.
        /// </summary>
        TypedClients,
    }

    /// <summary>The line OrderWorker logs once it has resolved its Program.cs-registered processor.</summary>
    public const string OrderWorkerLogLine = "Processed 3 pending orders";

    /// <summary>Writes (or rewrites) the worker project for <paramref name="shape"/>.</summary>
    public static async Task WriteAsync(SampleRepository repository, Shape shape, CancellationToken cancellationToken)
    {
        var project = Path.Combine(repository.Root, "src", "Acme.Worker");
        Directory.CreateDirectory(project);
        var resilienceReferences = shape != Shape.TypedClients ? "" :
            $"""<PackageReference Include="Microsoft.Extensions.Http.Resilience" Version="{PackageVersions.ByProperty["MicrosoftExtensionsHttpResilienceVersion"]}" />""" +
            $"""<PackageReference Include="Microsoft.Extensions.Options.DataAnnotations" Version="{PackageVersions.ByProperty["MicrosoftExtensionsOptionsDataAnnotationsVersion"]}" />""";
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
                {resilienceReferences}
              </ItemGroup>
            </Project>
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "appsettings.json"), """
            { "Logging": { "LogLevel": { "Default": "Warning" } } }
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "Services.cs"), shape switch
        {
            Shape.InteractiveMenu => InteractiveServices,
            Shape.TypedClients => TypedClientServices,
            _ => Services,
        }, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), shape switch
        {
            Shape.InteractiveMenu => """
                using Acme.Worker;

                // An interactive tool: a menu first, read from the console; the worker runs only when asked.
                while (true)
                {
                    Console.WriteLine("1) Run the import worker  q) Quit");
                    var choice = Console.ReadLine();
                    if (choice == "q")
                    {
                        return;
                    }

                    if (choice == "1")
                    {
                        var builder = Host.CreateApplicationBuilder(args);
                        builder.Services.AddHostedService<ImportWorker>();
                        builder.Build().Run();
                        return;
                    }

                    Console.WriteLine("Unknown choice");
                }

                """,
            Shape.TypedClients => """
                using Acme.Worker;

                var builder = Host.CreateApplicationBuilder(args);
                builder.Services.AddOptions<CatalogOptions>().Bind(builder.Configuration.GetSection("Catalog")).ValidateDataAnnotations();
                builder.Services.AddTransient<TokenHandler>();
                builder.Services.AddHttpClient("auth", client => client.BaseAddress = new Uri("http://auth.acme.invalid/"));
                builder.Services.AddHttpClient<StockClient>(client => client.BaseAddress = new Uri("http://stock.acme.invalid/"))
                    .AddHttpMessageHandler<TokenHandler>()
                    .AddStandardResilienceHandler();
                builder.Services.AddHttpClient<CatalogClient>();
                builder.Services.AddHostedService<StockSync>();
                builder.Services.AddHostedService<CatalogSync>();
                builder.Build().Run();

                """,
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

    private const string InteractiveServices = """
        namespace Acme.Worker;

        /// <summary>Needs nothing Program.cs registers: it can run on its own.</summary>
        internal sealed class ImportWorker(ILogger<ImportWorker> logger) : BackgroundService
        {
            protected override Task ExecuteAsync(CancellationToken stoppingToken)
            {
                logger.LogInformation("Import worker started");
                return Task.CompletedTask;
            }
        }

        """;

    private const string TypedClientServices = """
        using System.ComponentModel.DataAnnotations;
        using System.Net.Http.Headers;
        using Microsoft.Extensions.Options;

        namespace Acme.Worker;

        internal sealed class CatalogOptions
        {
            [Required]
            public string? ApiKey { get; set; }
        }

        /// <summary>Gets a token from the auth server, through a client of its own, before every call.</summary>
        internal sealed class TokenHandler(IHttpClientFactory clients) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                using var auth = clients.CreateClient("auth");
                using var token = await auth.PostAsync(new Uri("token", UriKind.Relative), null, cancellationToken);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.Content.ReadAsStringAsync(cancellationToken));
                return await base.SendAsync(request, cancellationToken);
            }
        }

        internal sealed class StockClient(HttpClient http)
        {
            public Task<string> GetLevelsAsync(CancellationToken cancellationToken) => http.GetStringAsync(new Uri("levels", UriKind.Relative), cancellationToken);
        }

        /// <summary>Its first act is a call behind the token handler and the resilience pipeline.</summary>
        internal sealed class StockSync(StockClient stock) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken) => await stock.GetLevelsAsync(stoppingToken);
        }

        internal sealed class CatalogClient(HttpClient http, IOptions<CatalogOptions> options)
        {
            // The setting is read, and validated, on first use.
            public Task<string> GetAsync(CancellationToken cancellationToken) =>
                http.GetStringAsync(new Uri($"http://catalog.acme.invalid/items?key={options.Value.ApiKey}"), cancellationToken);
        }

        internal sealed class CatalogSync(CatalogClient catalog, ILogger<CatalogSync> logger) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken) =>
                logger.LogInformation("Catalog: {Items}", await catalog.GetAsync(stoppingToken));
        }

        """;
}
