using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>
/// A slow endpoint: building the daily report takes minutes (here a delay on the app's clock stands
/// in for the slow work). When the client gives up, the request is aborted and the work stops.
/// </summary>
internal static class DailyReport
{
    public static TimeSpan BuildTime { get; } = TimeSpan.FromMinutes(2);

    public static async Task<IResult> GetAsync(
        IOrderStore store, TimeProvider time, ILoggerFactory loggers, CancellationToken requestAborted)
    {
        // A static class cannot be ILogger<T>'s category: the factory names it instead.
        var logger = loggers.CreateLogger(typeof(DailyReport));
        try
        {
            await Task.Delay(BuildTime, time, requestAborted);
            var orders = await store.CountAsync(requestAborted);
            return TypedResults.Ok(new { date = time.GetUtcNow().Date, orders });
        }
        catch (OperationCanceledException) when (requestAborted.IsCancellationRequested)
        {
            logger.LogInformation("Daily report abandoned: the client went away");
            throw;
        }
    }
}
