namespace AsyncTestTemplates.Testing.Tests.Library;

public sealed class TimerAwareFakeTimeProviderTests
{
    [Fact(Timeout = 30_000)]
    public async Task Waiting_for_the_timer_makes_an_advance_from_the_test_fire_a_delay_armed_on_another_thread()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new TimerAwareFakeTimeProvider();
        var delay = Task.Run(() => Task.Delay(TimeSpan.FromMinutes(5), time, cancellationToken), cancellationToken);

        await time.AdvanceWhenArmedAsync(TimeSpan.FromMinutes(5), cancellationToken);

        await delay.WaitWithinGuardAsync("the five-minute delay", cancellationToken);
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact(Timeout = 30_000)]
    public async Task Each_wait_consumes_one_timer_in_creation_order()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new TimerAwareFakeTimeProvider();
        using var first = time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var second = time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        await time.WaitForTimerAsync(cancellationToken);
        await time.WaitForTimerAsync(cancellationToken);
        var third = time.WaitForTimerAsync(cancellationToken);

        Assert.False(third.IsCompleted);
        using var armed = time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        await third.WaitWithinGuardAsync("the third timer", cancellationToken);
    }

    [Fact(Timeout = 2_000)]
    public async Task Forgotten_timers_are_not_waited_for_and_no_timer_fails_with_the_likely_causes()
    {
        var time = new TimerAwareFakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var earlier = time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        time.ForgetArmedTimers();
        var expired = await Assert.ThrowsAsync<TimeoutException>(() => time.WaitForTimerAsync(TestContext.Current.CancellationToken));

        Assert.StartsWith("The code under test armed no timer within 1 s (real time).", expired.Message, StringComparison.Ordinal);
        Assert.Equal(2030, time.GetUtcNow().Year);
    }
}
