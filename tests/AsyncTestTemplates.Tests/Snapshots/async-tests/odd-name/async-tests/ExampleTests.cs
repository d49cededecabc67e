namespace _2024_Ünïcode.System.Tests;

/// <summary>
/// The shape every test in this project follows: the timeout default, the test's cancellation
/// token passed to everything that accepts one, and fake time instead of waiting.
/// </summary>
public sealed class ExampleTests
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task An_hour_long_delay_completes_when_fake_time_moves_an_hour()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new TimerAwareFakeTimeProvider();

        var delay = Task.Delay(TimeSpan.FromHours(1), time, cancellationToken);
        await time.WaitForTimerDueWithinAsync(TimeSpan.FromHours(1), cancellationToken);
        time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.False(delay.IsCompleted, "The delay completed a second early.");
        time.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitWithinGuardAsync("the delay to complete", cancellationToken);
    }
}
