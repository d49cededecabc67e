using Microsoft.Extensions.Logging.Testing;

namespace Acme.Api.IntegrationTests;

/// <summary>
/// Loggers for the code under test: every record is kept for assertions
/// (<see cref="FakeLogger.Collector"/>) and written to the running test's output, so a failing
/// test shows what the code logged.
/// </summary>
public static class TestLogging
{
    /// <summary>Creates a logger for <typeparamref name="T"/> bound to the current test's output.</summary>
    public static FakeLogger<T> CreateLogger<T>()
    {
        var output = TestContext.Current.TestOutputHelper;
        var collector = FakeLogCollector.Create(new FakeLogCollectorOptions
        {
            OutputSink = output is null ? null : output.WriteLine,
        });
        return new FakeLogger<T>(collector);
    }
}
