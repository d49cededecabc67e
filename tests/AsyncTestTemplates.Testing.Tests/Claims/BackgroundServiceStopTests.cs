using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs: the remarks of src/AsyncTestTemplates.Testing/Hosting/HostedServiceHarness.cs ("since .NET 10 a stop right
/// after the start cancels <c>ExecuteAsync</c> before it has even run") and docs/async-testing-guide.md § 4
/// "stop the host with a bounded token of its own".
/// </summary>
[Trait(GuideSection.Trait, GuideSection.BackgroundWork)]
public sealed class BackgroundServiceStopTests
{
    [Fact(Timeout = 20_000)]
    public async Task A_stop_before_the_body_gets_going_hands_it_a_cancelled_token()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new ArmedTimerProvider();
        using var service = new GatedService(time);
        await service.StartAsync(cancellationToken);
        await service.Entered.Task.WithinGuardAsync("the body to start", cancellationToken); // held up before its first line of work

        var stopping = service.StopAsync(CancellationToken.None); // cancels the stopping token before it returns
        service.OpenGate();

        Assert.True(await service.PastTheGate.Task.WithinGuardAsync("the body to get past its gate", cancellationToken));
        await stopping.WithinGuardAsync("the service to stop", cancellationToken);
        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal(0, time.TimersCreated); // the body's loop never armed its first delay
    }

    [Fact(Timeout = 20_000)]
    public async Task The_body_runs_as_thread_pool_work_queued_with_the_stopping_token()
    {
        // StopAsync and a cancelled start token cancel the same token: when it is cancelled before the
        // thread pool gets to the queued body, the body never runs. A cancelled start token shows that
        // without a race.
        var cancellationToken = TestContext.Current.CancellationToken;
        using var service = new GatedService(new ArmedTimerProvider());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await service.StartAsync(cancelled.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.ExecuteTask!.WithinGuardAsync("ExecuteTask to end", cancellationToken));
        Assert.False(service.Entered.Task.IsCompleted, "The body ran although its token was cancelled before the thread pool got to it.");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_stop_with_an_already_cancelled_token_does_not_wait_for_the_body()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var service = new GatedService(new ArmedTimerProvider());
        await service.StartAsync(cancellationToken);
        await service.Entered.Task.WithinGuardAsync("the body to start", cancellationToken);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync(); // the test's token, in a teardown after a timeout

        var stop = await Record.ExceptionAsync(() => service.StopAsync(cancelled.Token));

        Assert.False(service.ExecuteTask!.IsCompleted, "StopAsync waited for the body although its token was cancelled.");
        Assert.Null(stop);
        service.OpenGate();
        await service.ExecuteTask.WithinGuardAsync("the body to end", cancellationToken);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_host_stopped_with_an_already_cancelled_token_does_not_wait_for_its_services()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(new ArmedTimerProvider());
        builder.Services.AddSingleton<GatedService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<GatedService>());
        builder.Logging.ClearProviders();
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<GatedService>();
        await host.StartAsync(cancellationToken);
        await service.Entered.Task.WithinGuardAsync("the body to start", cancellationToken);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var stop = await Record.ExceptionAsync(() => host.StopAsync(cancelled.Token));

        Assert.Null(stop);
        Assert.False(service.ExecuteTask!.IsCompleted, "The host's StopAsync waited for the service although its token was cancelled.");
        service.OpenGate();
        await service.ExecuteTask.WithinGuardAsync("the body to end", cancellationToken);
    }
}
