using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProjectHostSubject;

var shape = args.FirstOrDefault(argument => argument.StartsWith("--shape=", StringComparison.Ordinal))?["--shape=".Length..];
switch (shape)
{
    case "default-builder":
        Host.CreateDefaultBuilder(args)
            .ConfigureServices(services => services.AddSingleton<Greeting>().AddHostedService<GreetingWorker>())
            .Build()
            .Run();
        break;
    case "catch-all":
        // Real apps wrap their run so that a fatal error is logged; it swallows the harness's stop too.
        try
        {
            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddSingleton<Greeting>().AddHostedService<GreetingWorker>();
            builder.Build().Run();
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"Host terminated unexpectedly: {ex.Message}");
        }

        break;
    case "http":
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddHttpClient<PriceClient>(client => client.BaseAddress = new Uri("http://prices.invalid/"));
        builder.Services.AddHostedService<PriceWorker>();
        builder.Build().Run();
        break;
    }

    case "silent":
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddHostedService<SilentWorker>();
        builder.Build().Run();
        break;
    }

    case "share-monitor":
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddHostedService<ShareMonitor>();
        builder.Build().Run();
        break;
    }

    case "waits":
    {
        // A tool that waits for a signal before it does anything (stdin, a key press).
        using var never = new ManualResetEventSlim();
        never.Wait();
        break;
    }

    case "menu":
    {
        // An interactive tool: a menu read from the console, asked again on anything it does not know.
        while (true)
        {
            Console.WriteLine("1) Import orders  2) Export orders  q) Quit");
            var choice = Console.ReadLine();
            if (choice == "q")
            {
                return;
            }

            Console.WriteLine(choice is "1" or "2" ? "Working..." : $"Unknown choice '{choice}'");
        }
    }

    case "throws":
        // A check before the host is built, as Console.ReadKey under a runner or a missing licence file fail.
        throw new InvalidOperationException("Cannot read keys when either application does not have a console or when console input has been redirected.");
    case "typed-clients":
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddOptions<CatalogOptions>().Bind(builder.Configuration.GetSection("Catalog")).ValidateDataAnnotations();
        builder.Services.AddTransient<TokenHandler>();
        builder.Services.AddHttpClient("auth", client => client.BaseAddress = new Uri("http://auth.invalid/"));
        builder.Services.AddHttpClient<StockClient>(client => client.BaseAddress = new Uri("http://stock.invalid/"))
            .AddHttpMessageHandler<TokenHandler>()
            .AddStandardResilienceHandler();
        builder.Services.AddHttpClient<CatalogClient>();
        builder.Services.AddHostedService<StockSync>();
        builder.Services.AddHostedService<CatalogSync>();
        builder.Build().Run();
        break;
    }

    case "validate-on-start":
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddOptions<CatalogOptions>().Bind(builder.Configuration.GetSection("Catalog")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient<CatalogClient>().ConfigurePrimaryHttpMessageHandler(() => new CatalogHandler());
        builder.Services.AddHostedService<CatalogSync>();
        builder.Build().Run();
        break;
    }

    case "no-host":
        Console.WriteLine("An interactive tool: it builds no host.");
        break;
    default:
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddSingleton<Greeting>();
        builder.Services.AddHostedService<GreetingWorker>();
        builder.Services.AddHostedService<TickingWorker>();
        // As Serilog's UseSerilog does: the app's own logger factory replaces the default one.
        builder.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Build().Run();
        break;
    }
}
