using Microsoft.Extensions.Logging;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>
/// Retries an operation, doubling the wait after each failure. The waits go through the injected
/// <see cref="TimeProvider"/>: hours of backoff take no real time in a test.
/// </summary>
public sealed class BackoffRetry(TimeProvider time, ILogger<BackoffRetry> logger)
{
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMinutes(30);

    public int MaxAttempts { get; init; } = 4;

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(cancellationToken);
            }
            catch (Exception ex) when (attempt < MaxAttempts && ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Attempt {Attempt} failed; retrying in {Delay}", attempt, delay);
                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
        }
    }
}
