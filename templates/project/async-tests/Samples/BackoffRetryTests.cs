using AsyncTestsNamespace.Samples.CodeUnderTest;
using Microsoft.Extensions.Logging.Testing;

namespace AsyncTestsNamespace.Samples;

/// <summary>
/// A retry loop with hours of backoff, driven by fake time: the test moves the clock exactly when
/// the code has armed its delay, so it runs in milliseconds and never sleeps.
/// </summary>
public sealed class BackoffRetryTests
{
    private static readonly TimeSpan[] ExpectedWaits =
        [TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2)];

    private readonly TimerAwareFakeTimeProvider _time = new();
    private readonly FakeLogger<BackoffRetry> _logger = TestLogging.CreateLogger<BackoffRetry>();
    private readonly BackoffRetry _retry;

    public BackoffRetryTests() =>
        _retry = new BackoffRetry(_time, _logger) { FirstDelay = TimeSpan.FromMinutes(30), MaxAttempts = 4 };

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Retries_after_doubling_delays_until_the_operation_succeeds()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var start = _time.GetUtcNow();
        var attemptTimes = new List<DateTimeOffset>();

        var result = _retry.ExecuteAsync(
            _ =>
            {
                attemptTimes.Add(_time.GetUtcNow());
                return attemptTimes.Count < 4
                    ? Task.FromException<string>(new HttpRequestException("rates service unavailable"))
                    : Task.FromResult("rates");
            },
            cancellationToken);

        foreach (var wait in ExpectedWaits)
        {
            // The code has armed this backoff's delay: a timer due within the expected wait.
            await _time.WaitForTimerDueWithinAsync(wait, cancellationToken);
            var attemptsSoFar = attemptTimes.Count;

            _time.Advance(wait - TimeSpan.FromTicks(1));
            Assert.Equal(attemptsSoFar, attemptTimes.Count); // not a moment early

            _time.Advance(TimeSpan.FromTicks(1));
        }

        Assert.Equal("rates", await result.WaitWithinGuardAsync("the fourth attempt to succeed", cancellationToken));
        Assert.Equal(
            [start, start.AddMinutes(30), start.AddMinutes(90), start.AddMinutes(210)],
            attemptTimes);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Gives_up_after_the_last_attempt_with_that_attempt_s_exception()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var attempts = 0;

        var result = _retry.ExecuteAsync<string>(
            _ => Task.FromException<string>(new HttpRequestException($"failure {++attempts}")),
            cancellationToken);

        foreach (var wait in ExpectedWaits)
        {
            await _time.AdvanceAsync(wait, cancellationToken);
        }

        var thrown = await Assert.ThrowsAsync<HttpRequestException>(
            () => result.WaitWithinGuardAsync("the last attempt to fail", cancellationToken));
        Assert.Equal("failure 4", thrown.Message);
        Assert.Equal(3, _logger.Collector.Count); // one warning per retry
    }
}
