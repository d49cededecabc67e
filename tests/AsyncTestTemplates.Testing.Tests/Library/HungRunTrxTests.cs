using System.Xml.Linq;

namespace AsyncTestTemplates.Testing.Tests.Library;

/// <summary>
/// The TRX file the hang guard writes when it ends a Microsoft.Testing.Platform run (issue #26: the
/// platform's own report is written at the session's end, which a hung test never reaches).
/// </summary>
public sealed class HungRunTrxTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 7, 30, 15, 123, TimeSpan.Zero);

    // What a generated project's testconfig.json says: xunit's TRX report, with a comment in the file.
    private const string GeneratedTestConfig = """
        {
          "commandLineOptions": {
            "timeout": "30m",
            // Coverage is off here.
            "coverlet-output-format": "cobertura",
            "report-xunit-trx": true
          }
        }
        """;

    [Fact]
    public void The_file_goes_where_the_platform_would_have_written_it()
    {
        var workingDirectory = Path.Combine(Path.GetTempPath(), "project");

        var fromConfig = HungRunTrx.RequestedPath([], GeneratedTestConfig, workingDirectory, Now);
        var fromCommandLine = HungRunTrx.RequestedPath(
            ["--report-xunit-trx", "--results-directory", "out", "--report-xunit-trx-filename", "run.trx"], null, workingDirectory, Now);
        var microsoftReport = HungRunTrx.RequestedPath(["--report-trx", "--report-trx-filename", "ms.trx"], null, workingDirectory, Now);

        Assert.Equal(Path.Combine(workingDirectory, "TestResults", $"{Environment.UserName}_{Environment.MachineName}_2026-12-06_07_30_15.123000.trx"), fromConfig);
        Assert.Equal(Path.Combine(workingDirectory, "out", "run.trx"), fromCommandLine);
        Assert.Equal(Path.Combine(workingDirectory, "TestResults", "ms.trx"), microsoftReport);
    }

    [Fact]
    public void Nothing_is_written_when_no_report_is_asked_for_or_VSTest_runs_the_tests()
    {
        var workingDirectory = Path.GetTempPath();

        Assert.Null(HungRunTrx.RequestedPath(["--filter-class", "A.B"], null, workingDirectory, Now));
        Assert.Null(HungRunTrx.RequestedPath([], GeneratedTestConfig.Replace("\"report-xunit-trx\": true", "\"report-xunit-trx\": false", StringComparison.Ordinal), workingDirectory, Now));
        // VSTest's xunit adapter starts the test process in xunit's automated mode; VSTest writes the TRX.
        Assert.Null(HungRunTrx.RequestedPath(["-automated"], GeneratedTestConfig, workingDirectory, Now));
    }

    [Fact]
    public void The_hung_test_is_failed_the_finished_ones_keep_their_outcome_and_the_ones_never_started_are_not_executed()
    {
        using var directory = new TemporaryFolder();
        var path = Path.Combine(directory.Path, "TestResults", "hung.trx");

        HungRunTrx.Write(
            path,
            "/repo/tests/Acme.Tests/bin/Acme.Tests.dll",
            [
                new("Acme.Tests.OrderTests.Saves", "Passed", Now.AddSeconds(-30), TimeSpan.FromSeconds(1), null),
                new("Acme.Tests.OrderTests.Blocks_forever", "Failed", Now.AddSeconds(-20), TimeSpan.FromSeconds(20), "Hung: still running after 20 s."),
                new("Acme.Tests.ZooTests.Counts", "NotExecuted", null, TimeSpan.Zero, "Never started."),
            ],
            "[hang guard] The run failed.",
            Now.AddSeconds(-31),
            Now);

        var document = XDocument.Load(path);
        XNamespace trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var outcomes = document.Descendants(trx + "UnitTestResult").ToDictionary(result => (string)result.Attribute("testName")!, result => (string)result.Attribute("outcome")!);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Acme.Tests.OrderTests.Saves"] = "Passed",
                ["Acme.Tests.OrderTests.Blocks_forever"] = "Failed",
                ["Acme.Tests.ZooTests.Counts"] = "NotExecuted",
            },
            outcomes);
        Assert.Equal(
            "Hung: still running after 20 s.",
            document.Descendants(trx + "UnitTestResult").Single(result => (string)result.Attribute("outcome")! == "Failed").Descendants(trx + "Message").Single().Value);
        var summary = document.Descendants(trx + "ResultSummary").Single();
        Assert.Equal("Failed", (string)summary.Attribute("outcome")!);
        var counters = summary.Element(trx + "Counters")!;
        Assert.Equal((3, 2, 1, 1, 1), ((int)counters.Attribute("total")!, (int)counters.Attribute("executed")!, (int)counters.Attribute("passed")!, (int)counters.Attribute("failed")!, (int)counters.Attribute("notExecuted")!));
        Assert.Equal("[hang guard] The run failed.", summary.Descendants(trx + "Text").Single().Value);
        var method = document.Descendants(trx + "TestMethod").Single(element => (string)element.Attribute("name")! == "Blocks_forever");
        Assert.Equal("Acme.Tests.OrderTests", (string)method.Attribute("className")!);
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("hung-run-trx").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
