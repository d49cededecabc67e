using System.Xml.Linq;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// Guarantee 2 and its relatives, for async-tests under both runners: a test that awaits forever,
/// one that blocks a thread forever, a task nobody awaits that throws, a foreground thread left
/// running, a fixture whose setup hangs and one whose teardown throws (tests/Subjects/Faults/FaultyTests.cs).
/// Each run ends by itself well within its limits (hang timeout 20 s), fails, and names the culprit.
/// scripts/soak.sh runs the same matrix for every project template.
/// </summary>
[Template("async-tests")]
public sealed class FaultMatrixTests(FaultyProjects projects) : IClassFixture<FaultyProjects>
{
    public static TheoryData<string, string[], string[]> Runs { get; } = new()
    {
        // runner, fault classes run together, what the output must name
        { "vstest", ["AwaitsForever", "BlocksForever"], ["[hung test?] 'Fault.Tests.AwaitsForever.Awaits_forever'", "[hung test?] 'Fault.Tests.BlocksForever.Blocks_forever'"] },
        { "vstest", ["SetupHangs"], ["[hung fixture?]", "HangingSetupFixture (SetupHangs)"] },
        { "vstest", ["FireAndForget", "ForegroundThread", "TeardownThrows"], ["[unobserved task exception]", "at Fault.Tests.FireAndForget.", "[thread left running?]", "'Fault.Tests.ForegroundThread.Leaves_a_foreground_thread_running'", "Cleanup Failure (Fault.Tests.TeardownThrows"] },
        // Under MTP the test process is the hang guard (no HangDump): it ends itself at the hang timeout, not past it.
        { "mtp", ["AwaitsForever", "BlocksForever"], ["[hung test?] 'Fault.Tests.AwaitsForever.Awaits_forever'", "[hung test?] 'Fault.Tests.BlocksForever.Blocks_forever'", HangGuardEnded] },
        { "mtp", ["SetupHangs"], ["[hung fixture?]", "HangingSetupFixture (SetupHangs)", HangGuardEnded] },
        { "mtp", ["FireAndForget", "ForegroundThread", "TeardownThrows"], ["[unobserved task exception]", "at Fault.Tests.FireAndForget.", "[thread left running?]", "'Fault.Tests.ForegroundThread.Leaves_a_foreground_thread_running'", "Cleanup Failure (Fault.Tests.TeardownThrows"] },
    };

    private const string HangGuardEnded = ", the hang timeout of 20 s: the test process ends itself.";

    [Theory(Timeout = EndToEndLimits.Test)]
    [MemberData(nameof(Runs))]
    public async Task A_faulty_run_ends_by_itself_fails_and_names_the_culprit(string runner, string[] faults, string[] culprits)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var project = await projects.BuiltAsync(runner, cancellationToken);
        string[] filter = runner == "mtp"
            ? [.. faults.SelectMany(fault => new[] { "--filter-class", $"Fault.Tests.{fault}" })]
            : ["--filter", string.Join('|', faults.Select(fault => $"FullyQualifiedName~Fault.Tests.{fault}."))];

        var resultsBefore = TrxFiles(project);

        var test = await project.TestBuiltAsync(filter, TimeSpan.FromMinutes(4), cancellationToken);

        Assert.True(test.Elapsed < TimeSpan.FromMinutes(2), $"The run took {test.Elapsed}.\n{test}");
        Assert.True(test.ExitCode != 0, test.ToString());
        Assert.All(culprits, culprit => Assert.Contains(culprit, test.Output, StringComparison.Ordinal));
        if (runner == "vstest")
        {
            // The hang guard ends the run the way a crash does: VSTest still writes its results file.
            Assert.True(TrxFiles(project).Except(resultsBefore).Any(), $"No new TRX file.\n{test}");
        }
        else if (faults.Contains("BlocksForever"))
        {
            // Under MTP the platform writes its TRX when the session ends, which a hung test never
            // lets happen: the hang guard writes the file the project's testconfig.json asks for,
            // where the platform would have, with the hung tests failed (issue #26).
            AssertHungTestsFailedInTrx(TrxFiles(project).Except(resultsBefore), test, "Fault.Tests.AwaitsForever.Awaits_forever", "Fault.Tests.BlocksForever.Blocks_forever");
        }
        // Nothing of the run lives on: under VSTest the hang guard in the xunit test process ends
        // itself and the test host above it at the hang timeout.
        await AssertNoTestProcessOutlivesAsync(project, TimeSpan.FromSeconds(60), cancellationToken);
    }

    private static void AssertHungTestsFailedInTrx(IEnumerable<string> newFiles, ProcessResult test, params string[] hungTests)
    {
        XNamespace trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        // Rows of this theory run side by side on one project, and another row's file can name the same
        // tests: this run's file is the one its hang guard names ("[hang guard] Results File: <path>").
        var named = test.Output.Split('\n')
            .Where(line => line.Contains(ResultsFileLine, StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(ResultsFileLine, StringComparison.Ordinal) + ResultsFileLine.Length)..].Trim())
            .Distinct()
            .ToList();
        var path = Assert.Single(named);
        Assert.Contains(Path.GetFullPath(path), newFiles.Select(Path.GetFullPath));
        var document = XDocument.Load(path);
        foreach (var hung in hungTests)
        {
            var result = document.Descendants(trx + "UnitTestResult").Single(result => (string?)result.Attribute("testName") == hung);
            Assert.Equal("Failed", (string?)result.Attribute("outcome"));
            Assert.Contains("[hang guard] The run failed", result.Descendants(trx + "Message").Single().Value, StringComparison.Ordinal);
        }

        var summary = document.Descendants(trx + "ResultSummary").Single();
        Assert.Equal("Failed", (string?)summary.Attribute("outcome"));
        Assert.Equal(hungTests.Length, (int)summary.Element(trx + "Counters")!.Attribute("failed")!);
    }

    private const string ResultsFileLine = "[hang guard] Results File: ";

    private static string[] TrxFiles(GeneratedProject project) =>
        Directory.Exists(project.ResultsDirectory) ? Directory.GetFiles(project.ResultsDirectory, "*.trx", SearchOption.AllDirectories) : [];

    private static async Task AssertNoTestProcessOutlivesAsync(GeneratedProject project, TimeSpan limit, CancellationToken cancellationToken)
    {
        foreach (var process in System.Diagnostics.Process.GetProcesses().Where(process => RunsFrom(process, project.Directory)))
        {
            using (process)
            {
                try
                {
                    await process.WaitForExitAsync(cancellationToken).WaitAsync(limit, cancellationToken);
                }
                catch (TimeoutException)
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail($"Test process {process.Id} ({process.ProcessName}) was still running {limit.TotalSeconds:0} s after its run ended.");
                }
            }
        }
    }

    private static bool RunsFrom(System.Diagnostics.Process process, string directory)
    {
        try
        {
            return process.MainModule?.FileName?.StartsWith(directory, StringComparison.Ordinal) == true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Exited meanwhile, or not ours to inspect.
            return false;
        }
    }
}

/// <summary>
/// One async-tests project per runner with tests/Subjects/Faults/FaultyTests.cs in it, built once for all
/// the runs of <see cref="FaultMatrixTests"/>: VSTest in a plain repository, MTP in one whose
/// global.json selects it.
/// </summary>
public sealed class FaultyProjects(TemplatePackage package) : IDisposable
{
    private readonly Dictionary<string, Task<GeneratedProject>> _built = [];
    private readonly List<SampleRepository> _repositories = [];

    public Task<GeneratedProject> BuiltAsync(string runner, CancellationToken cancellationToken)
    {
        lock (_built)
        {
            if (!_built.TryGetValue(runner, out var built))
            {
                _built[runner] = built = BuildAsync(runner, cancellationToken);
            }

            return built;
        }
    }

    public void Dispose()
    {
        foreach (var repository in _repositories)
        {
            repository.Dispose();
        }
    }

    private async Task<GeneratedProject> BuildAsync(string runner, CancellationToken cancellationToken)
    {
        var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: runner == "mtp", cancellationToken);
        lock (_built)
        {
            _repositories.Add(repository);
        }

        var project = await GeneratedProject.CreateAsync(
            package, Path.Combine(repository.TestsDirectory, "Fault.Tests"), cancellationToken,
            "-n", "Fault.Tests", "--runner", runner, "--samples", "false", "--hang-timeout", "20");
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "Subjects", "Faults", "FaultyTests.cs"), Path.Combine(project.Directory, "FaultyTests.cs"));
        await project.BuildAsync(cancellationToken);
        return project;
    }
}
