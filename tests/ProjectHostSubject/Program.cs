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

    case "waits":
    {
        // A tool that waits for a signal before it does anything (stdin, a key press).
        using var never = new ManualResetEventSlim();
        never.Wait();
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
