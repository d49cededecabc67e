using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// Runs the services under test in a real <see cref="IHost"/> for one test, on fake time and with
/// fake logging, and stops them deterministically.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Time"/> replaces the host's <see cref="TimeProvider"/>: services that take a
/// <see cref="TimeProvider"/> run on the test's clock. Since .NET 10 all of a
/// <see cref="BackgroundService"/>'s <c>ExecuteAsync</c> runs on the thread pool, so its first timer
/// usually does not exist yet when <see cref="StartAsync"/> returns: call
/// <see cref="TimerAwareFakeTimeProvider.WaitForTimersAsync"/> before the first advance, or advance
/// with <see cref="TimerAwareFakeTimeProvider.AdvanceAsync"/>, which waits for it.
/// </para>
/// <para>
/// <see cref="StopAsync"/> (and <see cref="DisposeAsync"/>) stop the host with a bounded token of
/// their own, then fail with the exception any background service ended with: a service that
/// crashed unobserved fails the test instead of passing it silently.
/// </para>
/// </remarks>
public sealed class HostedServiceHarness : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly HashSet<Task> _crashesSeenByTest = [];
    private Task? _stopping;

    private HostedServiceHarness(IHost host, TimerAwareFakeTimeProvider time)
    {
        _host = host;
        Time = time;
        Logs = host.Services.GetFakeLogCollector();
    }

    /// <summary>The host's clock.</summary>
    public TimerAwareFakeTimeProvider Time { get; }

    /// <summary>Everything the host's services logged (also written to the test's output).</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Builds a host with the services <paramref name="configureServices"/> registers, and starts it.</summary>
    public static async Task<HostedServiceHarness> StartAsync(Action<IServiceCollection> configureServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        var time = new TimerAwareFakeTimeProvider();
        var output = TestContext.Current.TestOutputHelper;

        // An empty builder: no appsettings, environment variables or console logging from the machine.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(time);
        var limit = RealTimeGuard.Limit;
        builder.Services.Configure<HostOptions>(options =>
        {
            options.ShutdownTimeout = limit;
            options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });
        builder.Logging.AddFakeLogging(options => options.OutputSink = output is null ? null : line => TestLogging.WriteTo(output, line));
        // The host's own start/stop chatter is not what a test is about.
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        configureServices(builder.Services);

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await DisposeHostAsync(host).ConfigureAwait(false);
            throw;
        }

        return new HostedServiceHarness(host, time);
    }

    /// <summary>The single registered hosted service of type <typeparamref name="T"/>.</summary>
    public T GetHostedService<T>()
        where T : IHostedService =>
        _host.Services.GetServices<IHostedService>().OfType<T>().Single();

    /// <summary>What the services of type <typeparamref name="T"/> logged, oldest first.</summary>
    public IReadOnlyList<FakeLogRecord> LogsOf<T>()
    {
        var category = LogCategory.Of(typeof(T));
        return Logs.GetSnapshot().Where(log => log.Category == category).ToList();
    }

    /// <summary>
    /// Waits, within <see cref="RealTimeGuard.Limit"/>, for the background service
    /// <typeparamref name="T"/> to fail, and returns its exception; <see cref="StopAsync"/> then no
    /// longer reports it. Stopping first is no way to see a failure: since .NET 10 a stop right
    /// after the start cancels <c>ExecuteAsync</c> before it has even run.
    /// </summary>
    public async Task<Exception> WaitForCrashAsync<T>(CancellationToken cancellationToken)
        where T : BackgroundService
    {
        var execution = GetHostedService<T>().ExecuteTask
            ?? throw new InvalidOperationException($"{typeof(T).Name} has not been started.");
        try
        {
            await execution.WaitWithinGuardAsync($"{typeof(T).Name} to fail", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (execution.IsFaulted)
        {
            lock (_crashesSeenByTest)
            {
                _crashesSeenByTest.Add(execution);
            }

            return ex;
        }

        throw new InvalidOperationException($"{typeof(T).Name} ended without failing.");
    }

    /// <summary>
    /// Stops the host (once; later calls await the same stop), then throws the exception a
    /// background service ended with, if any.
    /// </summary>
    public Task StopAsync() => _stopping ??= StopOnceAsync();

    /// <summary>Stops the host if the test has not, failing with a crash nobody has seen yet, and disposes it.</summary>
    public async ValueTask DisposeAsync()
    {
        var stoppedByTest = _stopping is not null;
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        catch when (stoppedByTest)
        {
            // The test called StopAsync and has already seen this exception.
        }
        finally
        {
            await DisposeHostAsync(_host).ConfigureAwait(false);
        }
    }

    // The host disposes its services asynchronously; IHost only declares Dispose, which would block on that.
    private static async ValueTask DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            host.Dispose();
        }
    }

    private async Task StopOnceAsync()
    {
        // Its own real-time bound: the test's token may already be cancelled when teardown runs.
        using var bounded = new CancellationTokenSource(RealTimeGuard.Limit);
        await _host.StopAsync(bounded.Token).ConfigureAwait(false);

        var crashes = _host.Services.GetServices<IHostedService>()
            .OfType<BackgroundService>()
            .Select(service => service.ExecuteTask)
            .Where(task => task is { IsFaulted: true } && !_crashesSeenByTest.Contains(task))
            .SelectMany(task => task!.Exception!.InnerExceptions)
            .ToList();
        if (crashes.Count == 1)
        {
            ExceptionDispatchInfo.Throw(crashes[0]);
        }

        if (crashes.Count > 1)
        {
            throw new AggregateException("Background services crashed.", crashes);
        }
    }
}
