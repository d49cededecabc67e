using Microsoft.Extensions.Logging;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// A logger provider that shows every record, whatever the app's log levels, to the
/// <see cref="ServiceActivityProbe"/> (and nowhere else): a service that logs at Debug still
/// proves that it ran. It stops looking once every service has been seen.
/// </summary>
[ProviderAlias("AsyncTestTemplatesProbe")]
internal sealed class ProbeLoggerProvider(ServiceActivityProbe probe) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ProbeLogger(probe, categoryName);

    public void Dispose()
    {
    }

    private sealed class ProbeLogger(ServiceActivityProbe probe, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && probe.IsWatching;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                probe.OnLog(category, formatter(state, exception));
            }
        }
    }
}
