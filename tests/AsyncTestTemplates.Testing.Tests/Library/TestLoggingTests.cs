using Microsoft.Extensions.Logging;

namespace AsyncTestTemplates.Testing.Tests.Library;

public sealed class TestLoggingTests
{
    [Fact]
    public void A_collector_keeps_each_record_and_writes_it_to_the_output()
    {
        var output = new RecordingOutput();
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger(TestLogging.CreateCollector(output));

        logger.LogInformation("Order {Id} placed", 42);

        Assert.Equal("Order 42 placed", Assert.Single(logger.Collector.GetSnapshot()).Message);
        Assert.Contains("Order 42 placed", Assert.Single(output.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_logger_made_in_a_test_writes_to_that_tests_output()
    {
        var logger = TestLogging.CreateLogger<TestLoggingTests>();

        logger.LogWarning("written to the test output");

        Assert.Contains("written to the test output", TestContext.Current.TestOutputHelper!.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_logged_after_its_test_ended_is_dropped_instead_of_failing_the_code_that_logged()
    {
        var closed = new RecordingOutput { Closed = true };

        TestLogging.WriteTo(closed, "too late");
        TestLogging.WriteTo(null, "no test at all");

        Assert.Empty(closed.Lines);
    }

    private sealed class RecordingOutput : ITestOutputHelper
    {
        public List<string> Lines { get; } = [];

        public bool Closed { get; init; }

        public string Output => string.Join('\n', Lines);

        public void Write(string message) => WriteLine(message);

        public void Write(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

        public void WriteLine(string message)
        {
            if (Closed)
            {
                throw new InvalidOperationException("There is no currently active test.");
            }

            Lines.Add(message);
        }

        public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
