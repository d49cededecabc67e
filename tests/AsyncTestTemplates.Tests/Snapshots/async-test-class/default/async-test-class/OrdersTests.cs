using System;
using System.Threading;
using System.Threading.Tasks;
using AsyncTestTemplates.Testing;
using Xunit;

namespace Acme.Orders.Tests;

/// <summary>
/// Tests of … (say what behaviour these tests pin down).
/// </summary>
/// <remarks>
/// Every test follows one shape: <c>[Fact(Timeout = TestTimeouts.Default)]</c>, the test's
/// cancellation token passed to everything that accepts one, fake time instead of waiting, and
/// real-time waits bounded by <c>WaitWithinGuardAsync</c>. For example:
/// <code>
/// [Fact(Timeout = TestTimeouts.Default)]
/// public async Task Retries_after_a_minute()
/// {
///     var cancellationToken = TestContext.Current.CancellationToken;
///     var time = new TimerAwareFakeTimeProvider();
///     var retrying = new Retrier(time).RunAsync(cancellationToken);
///     await time.AdvanceAsync(TimeSpan.FromMinutes(1), cancellationToken);
///     await retrying.WaitWithinGuardAsync("the retry to finish", cancellationToken);
/// }
/// </code>
/// </remarks>
public sealed class OrdersTests
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task A_five_minute_delay_completes_when_fake_time_moves_five_minutes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new TimerAwareFakeTimeProvider();

        // Stands in for code under test that waits on the injected TimeProvider.
        var delay = Task.Delay(TimeSpan.FromMinutes(5), time, cancellationToken);
        await time.WaitForTimerDueWithinAsync(TimeSpan.FromMinutes(5), cancellationToken);
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.False(delay.IsCompleted, "The delay completed a second early.");
        time.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitWithinGuardAsync("the delay to complete", cancellationToken);
    }
}
