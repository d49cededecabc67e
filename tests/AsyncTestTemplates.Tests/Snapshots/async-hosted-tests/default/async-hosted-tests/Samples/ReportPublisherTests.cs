using System.Threading.Channels;
using Acme.Worker.Tests.Samples.CodeUnderTest;
using Microsoft.Extensions.DependencyInjection;

namespace Acme.Worker.Tests.Samples;

/// <summary>A <c>Task.Delay</c> loop driven by fake time, and a service that fails at startup.</summary>
public sealed class ReportPublisherTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    private readonly RecordingSink _sink = new();

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Publishes_a_report_after_every_delay()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var harness = await StartPublisherAsync("reports/daily", cancellationToken);
        var start = harness.Time.GetUtcNow();

        // Each Task.Delay is a new timer: each step advances only once the loop has armed it.
        await harness.Time.AdvanceInStepsAsync(Interval, steps: 3, cancellationToken);

        for (var i = 0; i <= 3; i++)
        {
            var published = await _sink.Published.Reader.ReadAsync(cancellationToken).AsTask()
                .WaitWithinGuardAsync($"report {i}", cancellationToken);
            Assert.Equal(start + (i * Interval), published);
        }
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task A_service_that_fails_at_startup_surfaces_its_exception_to_the_test()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var harness = await StartPublisherAsync(destination: "", cancellationToken);

        // Wait for the failure itself (bounded): had the test not, disposing the harness would have
        // failed it with this exception, and a test that stopped first would never have seen it.
        var crash = await harness.WaitForCrashAsync<ReportPublisher>(cancellationToken);

        Assert.IsType<InvalidOperationException>(crash);
        Assert.Equal("ReportSettings.Destination is not configured.", crash.Message);
        Assert.False(_sink.Published.Reader.TryRead(out _)); // nothing was published
    }

    private Task<HostedServiceHarness> StartPublisherAsync(string destination, CancellationToken cancellationToken) =>
        HostedServiceHarness.StartAsync(
            services => services
                .AddSingleton(new ReportSettings(destination, Interval))
                .AddSingleton<IReportSink>(_sink)
                .AddHostedService<ReportPublisher>(),
            cancellationToken);

    private sealed class RecordingSink : IReportSink
    {
        public Channel<DateTimeOffset> Published { get; } = Channel.CreateUnbounded<DateTimeOffset>();

        public Task PublishAsync(string destination, DateTimeOffset at, CancellationToken cancellationToken) =>
            Published.Writer.WriteAsync(at, cancellationToken).AsTask();
    }
}
