using Microsoft.Extensions.Logging.Testing;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// Loggers for the code under test: every record is kept for assertions
/// (<see cref="FakeLogger.Collector"/>) and written to the running test's output, so a failing
/// test shows what the code logged.
/// </summary>
public static class TestLogging
{
    /// <summary>Creates a logger for <typeparamref name="T"/> bound to the current test's output.</summary>
    public static FakeLogger<T> CreateLogger<T>() => new(CreateCollector(TestContext.Current.TestOutputHelper));

    /// <summary>
    /// A log collector that writes each record to <paramref name="output"/> (when there is one) as
    /// well as keeping it. Capture the output in the test's own flow: <c>TestContext.Current</c>
    /// does not flow into work the test did not start (a host's services, a server's requests).
    /// </summary>
    public static FakeLogCollector CreateCollector(ITestOutputHelper? output) =>
        FakeLogCollector.Create(new FakeLogCollectorOptions
        {
            OutputSink = output is null ? null : line => WriteTo(output, line),
        });

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
