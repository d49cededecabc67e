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

/// <summary>
/// Says it started before it arms its first timer, then checks the export share every 50 seconds on
/// the injected clock; the twelfth check, ten minutes in, finds it full.
/// </summary>
internal sealed partial class ShareMonitor(TimeProvider time, ILogger<ShareMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogWatching();
        for (var check = 1; ; check++)
        {
            await Task.Delay(TimeSpan.FromSeconds(50), time, stoppingToken);
            if (check == 12)
            {
                LogFull();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching the export share")]
    private partial void LogWatching();

    [LoggerMessage(Level = LogLevel.Error, Message = "The export share is full")]
    private partial void LogFull();
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

internal sealed class CatalogOptions
{
    [System.ComponentModel.DataAnnotations.Required]
    public string? ApiKey { get; set; }
}

/// <summary>Gets a token from the auth server (its own client) before every call it passes on.</summary>
internal sealed class TokenHandler(IHttpClientFactory clients) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var auth = clients.CreateClient("auth");
        using var token = await auth.PostAsync(new Uri("token", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await token.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

internal sealed class StockClient(HttpClient http)
{
    public Task<string> GetLevelsAsync(CancellationToken cancellationToken) => http.GetStringAsync(new Uri("levels", UriKind.Relative), cancellationToken);
}

/// <summary>Its first act is a call through a token handler and a resilience pipeline; it logs nothing before.</summary>
internal sealed class StockSync(StockClient stock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await stock.GetLevelsAsync(stoppingToken).ConfigureAwait(false);
    }
}

internal sealed class CatalogClient(HttpClient http, Microsoft.Extensions.Options.IOptions<CatalogOptions> options)
{
    // The setting is read (and validated) on first use, not at start.
    public Task<string> GetAsync(CancellationToken cancellationToken) =>
        http.GetStringAsync(new Uri($"http://catalog.invalid/items?key={options.Value.ApiKey}"), cancellationToken);
}

internal sealed class CatalogHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("[]") });
}

/// <summary>Fails on a required setting nobody gave it.</summary>
internal sealed class CatalogSync(CatalogClient catalog, ILogger<CatalogSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var items = await catalog.GetAsync(stoppingToken).ConfigureAwait(false);
        logger.LogInformation("Catalog: {Items}", items);
    }
}
