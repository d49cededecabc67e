using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs: docs/async-testing-guide.md § 4 "fail the test when a service crashed", and the remarks of
/// src/AsyncTestTemplates.Testing/Hosting/HostedServiceHarness.cs: a background service that crashes does not
/// make the host's <c>StopAsync</c> fail, so a test that only stops the host passes; the crash is in
/// the service's <see cref="BackgroundService.ExecuteTask"/>, where the harness looks for it.
/// </summary>
[Trait(GuideSection.Trait, GuideSection.BackgroundWork)]
public sealed class HostCrashTests
{
    [Fact(Timeout = 20_000)]
    public async Task Stopping_a_host_whose_service_crashed_reports_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddHostedService<CrashingService>();
        builder.Services.Configure<HostOptions>(options => options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost);
        builder.Logging.ClearProviders();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var service = host.Services.GetServices<IHostedService>().OfType<CrashingService>().Single();
        await Assert.ThrowsAsync<InvalidOperationException>(() => service.ExecuteTask!.WithinGuardAsync("the service to crash", cancellationToken));

        var stop = await Record.ExceptionAsync(() => host.StopAsync(CancellationToken.None).WithinGuardAsync("the host to stop", cancellationToken));

        Assert.Null(stop);
        Assert.True(service.ExecuteTask!.IsFaulted);
    }

    private sealed class CrashingService : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => throw new InvalidOperationException("the service crashed");
    }
}
