using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>Where <see cref="ReportPublisher"/> sends its reports.</summary>
public interface IReportSink
{
    Task PublishAsync(string destination, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>Settings of <see cref="ReportPublisher"/>.</summary>
public sealed record ReportSettings(string Destination, TimeSpan Interval);

/// <summary>
/// A <c>Task.Delay</c> loop: publish, wait, publish again. It refuses to start without a
/// destination, and that failure must reach the test rather than end the loop unnoticed.
/// </summary>
public sealed class ReportPublisher(ReportSettings settings, IReportSink sink, TimeProvider time, ILogger<ReportPublisher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Destination))
        {
            throw new InvalidOperationException("ReportSettings.Destination is not configured.");
        }

        while (true)
        {
            await sink.PublishAsync(settings.Destination, time.GetUtcNow(), stoppingToken);
            logger.LogInformation("Published a report to {Destination}", settings.Destination);
            await Task.Delay(settings.Interval, time, stoppingToken);
        }
    }
}
