using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Acme.Worker.Tests;

/// <summary>
/// The shape of a background-service test: a real host on fake time, the clock advanced only once
/// the service has armed its timer, and a deterministic stop that surfaces any crash.
/// </summary>
public sealed class ExampleTests
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task A_periodic_service_ticks_once_per_period_of_fake_time()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var ticks = new TickCounter();
        await using var harness = await HostedServiceHarness.StartAsync(
            services => services.AddSingleton(ticks).AddHostedService<TickingService>(), cancellationToken);

        await harness.Time.WaitForTimersAsync(1, cancellationToken);
        for (var minute = 1; minute <= 3; minute++)
        {
            harness.Time.Advance(TickingService.Period);
            Assert.Equal(minute, await ticks.Next.Reader.ReadAsync(cancellationToken).AsTask().WaitWithinGuardAsync($"tick {minute}", cancellationToken));
        }
    }

    private sealed class TickCounter
    {
        private int _count;

        public Channel<int> Next { get; } = Channel.CreateUnbounded<int>();

        public void Tick() => Next.Writer.TryWrite(Interlocked.Increment(ref _count));
    }

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes",
        Justification = "The host creates it: AddHostedService<TickingService>().")]
    private sealed class TickingService(TickCounter ticks, TimeProvider time) : BackgroundService
    {
        public static TimeSpan Period { get; } = TimeSpan.FromMinutes(1);

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(Period, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                ticks.Tick();
            }
        }
    }
}
