using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Acme.Orders.Tests;

/// <summary>
/// Tests of … (say what behaviour these tests pin down).
/// </summary>
/// <remarks>
/// xunit v2 has no per-test cancellation token, and its <c>Timeout</c> is only honoured with
/// parallelization off, so each test takes <see cref="CancellationToken"/>: xunit creates a new
/// instance of this class for every test, and the token is cancelled after
/// <c>TestTimeouts.Default</c>. Pass it to everything that accepts one, use fake time instead
/// of waiting, and bound real-time waits with <c>WaitWithinGuardAsync</c>. For example:
/// <code>
/// [Fact]
/// public async Task Retries_after_a_minute()
/// {
///     var time = new TimerAwareFakeTimeProvider();
///     var retrying = new Retrier(time).RunAsync(CancellationToken);
///     await time.AdvanceAsync(TimeSpan.FromMinutes(1), CancellationToken);
///     await retrying.WaitWithinGuardAsync("the retry to finish", CancellationToken);
/// }
/// </code>
/// </remarks>
public sealed class OrdersTests : IDisposable
{
    private readonly CancellationTokenSource _timeLimit = new(TimeSpan.FromMilliseconds(TestTimeouts.Default));

    /// <summary>This test's token: cancelled when the test has run too long.</summary>
    private CancellationToken CancellationToken => _timeLimit.Token;

    [Fact]
    public async Task A_five_minute_delay_completes_when_fake_time_moves_five_minutes()
    {
        var time = new TimerAwareFakeTimeProvider();

        // Stands in for code under test that waits on the injected TimeProvider.
        var delay = Task.Delay(TimeSpan.FromMinutes(5), time, CancellationToken);
        await time.WaitForTimerDueWithinAsync(TimeSpan.FromMinutes(5), CancellationToken);
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.False(delay.IsCompleted, "The delay completed a second early.");
        time.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitWithinGuardAsync("the delay to complete", CancellationToken);
    }

    public void Dispose() => _timeLimit.Dispose();
}
