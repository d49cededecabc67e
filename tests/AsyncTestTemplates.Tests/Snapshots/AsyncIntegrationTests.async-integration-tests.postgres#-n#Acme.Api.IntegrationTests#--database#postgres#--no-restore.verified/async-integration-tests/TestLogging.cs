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
            OutputSink = output is null ? null : line => WriteTo(output, line),
        });
        return new FakeLogger<T>(collector);
    }

    /// <summary>
    /// Writes <paramref name="line"/> to a test's output. Code under test may still log after its
    /// test has finished (a host stopping, a loop winding down); xunit closes the test's output then,
    /// and the line is dropped instead of failing whatever logged it.
    /// </summary>
    public static void WriteTo(ITestOutputHelper? output, string line)
    {
        try
        {
            output?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // "There is no currently active test": the test this output belongs to has finished.
        }
    }
}
