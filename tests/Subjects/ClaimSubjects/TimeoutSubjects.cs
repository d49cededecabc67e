#pragma warning disable xUnit1051 // TimeoutIgnored takes no token on purpose.
namespace ClaimSubjects;

/// <summary>Subject of "Every test has a timeout" (guide § 1): the test hands its token on.</summary>
public sealed class TimeoutHonoured
{
    public const int TimeoutMilliseconds = 300;

    [Fact(Timeout = TimeoutMilliseconds)]
    public async Task Hands_its_token_on() =>
        await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, TestContext.Current.CancellationToken);
}

/// <summary>
/// Subject of "Every test has a timeout" (guide § 1): the test ignores its token and is released,
/// after its timeout, by the class fixture's teardown, which reports that the test's code ran on.
/// </summary>
public sealed class TimeoutIgnored(TimeoutIgnored.Gate gate) : IClassFixture<TimeoutIgnored.Gate>
{
    [Fact(Timeout = TimeoutHonoured.TimeoutMilliseconds)]
    public async Task Ignores_its_token()
    {
        var token = TestContext.Current.CancellationToken;
        await gate.Released.Task;
        // Reached only after the test was reported as timed out: a timeout does not stop the test's code.
        gate.RanOn.TrySetResult(token.IsCancellationRequested);
    }

    /// <summary>Lets the token-ignoring test go on once it has been reported.</summary>
    public sealed class Gate : IAsyncDisposable
    {
        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> RanOn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask DisposeAsync()
        {
            Released.TrySetResult();
            var tokenWasCancelled = await RanOn.Task.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
            Console.WriteLine($"[claim] the timed-out test's code ran on after its timeout; its token was cancelled: {tokenWasCancelled}");
        }
    }
}
