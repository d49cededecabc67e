using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AsyncTestTemplates.Testing.Tests.Library;

public sealed class HostedServiceHarnessTests
{
    [Fact(Timeout = 30_000)]
    public async Task Services_run_on_the_harness_clock_and_log_to_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var harness = await HostedServiceHarness.StartAsync(
            services => services.AddHostedService<MinuteTicker>(), cancellationToken);

        await harness.Time.AdvanceAsync(TimeSpan.FromMinutes(1), cancellationToken);
        await harness.GetHostedService<MinuteTicker>().FirstTick.Task.WaitWithinGuardAsync("the first tick", cancellationToken);

        Assert.Same(harness.Time, harness.Services.GetRequiredService<TimeProvider>());
        Assert.Equal(["tick at 00:01"], harness.LogsOf<MinuteTicker>().Select(log => log.Message));
        await harness.StopAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_crash_fails_the_stop_unless_the_test_has_seen_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var unseen = await HostedServiceHarness.StartAsync(services => services.AddHostedService<CrashingService>(), cancellationToken);
        await using (unseen)
        {
            await unseen.GetHostedService<CrashingService>().ExecuteTask!.ContinueWith(_ => { }, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Default)
                .WaitWithinGuardAsync("the service to crash", cancellationToken);
            var crash = await Assert.ThrowsAsync<InvalidOperationException>(unseen.StopAsync);
            Assert.Equal("the broker is gone", crash.Message);
        }

        await using var seen = await HostedServiceHarness.StartAsync(services => services.AddHostedService<CrashingService>(), cancellationToken);
        var exception = await seen.WaitForCrashAsync<CrashingService>(cancellationToken);
        Assert.Equal("the broker is gone", exception.Message);
        await seen.StopAsync();
    }

    private sealed class MinuteTicker(TimeProvider time, ILogger<MinuteTicker> logger) : BackgroundService
    {
        public TaskCompletionSource FirstTick { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                logger.LogInformation("tick at {Time:HH:mm}", time.GetUtcNow());
                FirstTick.TrySetResult();
            }
        }
    }

    private sealed class CrashingService : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("the broker is gone");
        }
    }
}
