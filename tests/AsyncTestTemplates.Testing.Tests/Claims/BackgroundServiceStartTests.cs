using Microsoft.Extensions.Hosting;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs: docs/async-testing-guide.md § 4 "Hosted services run in a real host" and the remarks of
/// src/AsyncTestTemplates.Testing/Hosting/HostedServiceHarness.cs: since .NET 10 all of a
/// <see cref="BackgroundService"/>'s <c>ExecuteAsync</c> runs on the thread pool, so
/// <c>StartAsync</c> returns before the body has run, and an advance made then is lost to the body's first timer.
/// </summary>
[Trait(GuideSection.Trait, GuideSection.BackgroundWork)]
public sealed class BackgroundServiceStartTests
{
    [Fact(Timeout = 20_000)]
    public async Task StartAsync_returns_while_the_body_is_still_blocked_on_another_thread()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var service = new GatedService(new ArmedTimerProvider());

        // The body's first act blocks its thread until the gate opens: had StartAsync run it inline,
        // StartAsync could not return before the test opens the gate.
        await service.StartAsync(cancellationToken).WithinGuardAsync("StartAsync to return while the body blocks", cancellationToken);

        await service.Entered.Task.WithinGuardAsync("the body to start", cancellationToken);
        Assert.False(service.PastTheGate.Task.IsCompleted);
        Assert.False(service.ExecuteTask!.IsCompleted);
        service.OpenGate();
        await service.StopAsync(CancellationToken.None).WithinGuardAsync("the service to stop", cancellationToken);
    }

    [Fact(Timeout = 20_000)]
    public async Task An_advance_before_the_body_armed_its_timer_is_lost_to_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new ArmedTimerProvider();
        using var service = new GatedService(time);
        await service.StartAsync(cancellationToken);

        time.Advance(TimeSpan.FromHours(1)); // "right after StartAsync": the body has no timer yet
        service.OpenGate();
        await time.WaitForTimerAsync(cancellationToken);
        Assert.Equal(0, service.Passes);

        time.Advance(TimeSpan.FromHours(1)); // once the timer exists, the same advance fires it
        await time.WaitForTimerAsync(cancellationToken); // the next pass has armed its delay
        Assert.Equal(1, service.Passes);
        await service.StopAsync(CancellationToken.None).WithinGuardAsync("the service to stop", cancellationToken);
    }
}
