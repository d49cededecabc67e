using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AsyncTestTemplates.Testing;

/// <summary>What <see cref="ProjectHost"/> puts in place of the app's own, after the app's registrations.</summary>
internal static class ProjectHostServices
{
    public static void Add(IServiceCollection services, TimerAwareFakeTimeProvider time, ServiceActivityProbe probe, OutboundHttpRefusal? refusal, ITestOutputHelper? output, TimeSpan limit)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(time);

        // Only the test's loggers: the app's own (console, a file, a log server) have no place in a test run.
        services.RemoveAll<ILoggerProvider>();
        services.AddLogging(logging =>
        {
            logging.AddFakeLogging(options => options.OutputSink = output is null ? null : line => TestLogging.WriteTo(output, line));
            // Rules for these providers win over the app's general ones: the test sees the app's
            // Information and up, the framework's warnings, whatever levels the app configured.
            logging.AddFilter<FakeLoggerProvider>(null, LogLevel.Information);
            logging.AddFilter<FakeLoggerProvider>("Microsoft", LogLevel.Warning);
            logging.AddFilter<FakeLoggerProvider>("System", LogLevel.Warning);
            logging.AddFilter<ProbeLoggerProvider>(null, LogLevel.Trace);
        });
        services.AddSingleton<ILoggerProvider>(new ProbeLoggerProvider(probe));
        // An app that replaced the logger factory (Serilog's UseSerilog does) would log past the
        // test's providers: the standard factory over every registered provider takes its place.
        services.RemoveAll<ILoggerFactory>();
        services.AddSingleton<ILoggerFactory, LoggerFactory>();

        services.AddSingleton<IHttpMessageHandlerBuilderFilter>(new HttpCallProbe(probe));
        if (refusal is not null)
        {
            services.AddSingleton<IHttpMessageHandlerBuilderFilter>(refusal);
        }

        // No Ctrl+C or SIGTERM handlers in the test process, no "press Ctrl+C" chatter.
        services.RemoveAll<IHostLifetime>();
        services.AddSingleton<IHostLifetime, TestHostLifetime>();
        services.Configure<HostOptions>(options =>
        {
            options.ShutdownTimeout = limit;
            // One service's crash does not stop the host under the others: each is seen doing what it
            // does (and each crash is still reported, from its ExecuteTask), whatever the order.
            options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore;
        });
    }

    private sealed class TestHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
