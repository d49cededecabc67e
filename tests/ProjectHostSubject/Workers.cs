using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProjectHostSubject;

internal sealed class Greeting
{
    public string Text => "Hello from the worker";
}

/// <summary>Resolves, inside ExecuteAsync, a dependency that only Program.cs registers.</summary>
internal sealed partial class GreetingWorker(IServiceScopeFactory scopes, ILogger<GreetingWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        LogGreeting(scope.ServiceProvider.GetRequiredService<Greeting>().Text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Greeting: {Text}")]
    private partial void LogGreeting(string text);
}

/// <summary>Logs nothing: it is seen only through the timer it arms on the injected clock.</summary>
internal sealed class TickingWorker(TimeProvider time) : BackgroundService
{
    public int Ticks { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Ticks++;
        }
    }
}

/// <summary>Does nothing anyone can see.</summary>
internal sealed class SilentWorker : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
}

internal sealed class PriceClient(HttpClient http)
{
    public Task<string> GetPriceAsync(CancellationToken cancellationToken) => http.GetStringAsync(new Uri("prices/42", UriKind.Relative), cancellationToken);
}

internal sealed class PriceWorker(PriceClient prices) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken) => await prices.GetPriceAsync(stoppingToken);
}
