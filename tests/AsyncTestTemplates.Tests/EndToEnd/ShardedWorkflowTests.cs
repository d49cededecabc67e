using System.Xml.Linq;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// The partition of <c>dotnet new async-ci</c> (its build/test-shard.sh and build/test-report.sh), run
/// as the CI jobs run them, on one repository built once: a library under test, an <c>async-tests</c>
/// project on VSTest and an <c>async-hosted-tests</c> project on Microsoft.Testing.Platform (a
/// global.json in its folder), samples on, one test in each covering its own part of the library,
/// and one test that fails on purpose.
/// </summary>
/// <remarks>
/// One test, so the repository is restored and built once (<c>--build-only</c>, as CI's build job);
/// the many shard runs then skip restore and build. The documented local command at the end does both.
/// </remarks>
[Template("async-ci", "async-hosted-tests")]
public sealed class ShardedWorkflowTests(TemplatePackage package)
{
    private const string PlantedClass = "Acme.Worker.Tests.PlantedFailureTests";
    private const string PlantedTest = PlantedClass + ".Fails_on_purpose";
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(5);

    [Fact(Timeout = 20 * 60 * 1000)]
    public async Task Every_shard_count_runs_each_test_once_covers_what_a_full_run_covers_and_reproduces_the_failing_shard()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await CreateRepositoryAsync(cancellationToken);
        var root = repository.Root;
        var reportGenerator = await InstallReportGeneratorAsync(root, cancellationToken);

        var build = await ScriptAsync(root, cancellationToken, "test-shard.sh", "--build-only");
        Assert.True(build.ExitCode == 0, build.ToString());

        // The reference: a plain `dotnet test` in each project's folder, as a CI agent runs it (coverage on).
        var full = Path.Combine(root, "full");
        foreach (var project in new[] { Path.Combine("tests", "Acme.Orders.Tests"), Path.Combine("tests", "mtp", "Acme.Worker.Tests") })
        {
            await Dotnet.RunAsync(Path.Combine(root, project), CommandLimit, CiEnvironment.OnCi, cancellationToken,
                "test", "--no-build", "-c", "Release", "--results-directory", Path.Combine(full, Path.GetFileName(project)));
        }

        var fullNames = TestNames(full);
        Assert.Contains(PlantedTest, fullNames);
        Assert.Contains("Acme.Orders.Tests.AdditionTests.Adds_asynchronously", fullNames);
        Assert.Contains("Acme.Worker.Tests.SubtractionTests.Subtracts_asynchronously", fullNames);
        var fullReport = await ReportAsync(root, reportGenerator, cancellationToken, "--results-directory", full, "--output", Path.Combine(root, "full-report"));
        var fullCoverage = CoveredLines(Path.Combine(root, "full-report", "Cobertura.xml"));
        Assert.True(fullReport.ExitCode == 1, fullReport.ToString());
        // Both tests' parts of the library are covered, each from its own project, and Multiply by none.
        Assert.Equal(["Arithmetic.cs", "Calculator.cs"], fullCoverage.Where(line => line.Covered).Select(line => Path.GetFileName(line.File)).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(fullCoverage, line => line.Method.StartsWith("Multiply", StringComparison.Ordinal) && !line.Covered);

        IReadOnlyList<string>? classes = null;
        foreach (var shards in new[] { 1, 2, 3, 5 })
        {
            var list = await ScriptAsync(root, cancellationToken, "test-shard.sh", "--list", "--no-build", "--no-restore", "--shards", $"{shards}");
            Assert.True(list.ExitCode == 0, list.ToString());
            var plan = list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToList();

            // Each class in exactly one shard, the same classes whatever the count, sizes within one of each other.
            var listed = plan.Select(row => row[2]).Order(StringComparer.Ordinal).ToList();
            classes ??= listed;
            Assert.Equal(classes, listed);
            Assert.Contains(PlantedClass, listed);
            var sizes = Enumerable.Range(1, shards).Select(shard => plan.Count(row => row[0] == $"{shard}")).ToList();
            Assert.True(sizes.Max() - sizes.Min() <= 1, $"shard sizes {string.Join(", ", sizes)}");

            var results = Path.Combine(root, $"n{shards}");
            for (var shard = 1; shard <= shards; shard++)
            {
                var run = await ScriptAsync(root, cancellationToken, "test-shard.sh", "--shard", $"{shard}", "--shards", $"{shards}", "--no-build", "--no-restore", "--results-directory", Path.Combine(results, $"shard-{shard}"));
                var ranClasses = TestNames(Path.Combine(results, $"shard-{shard}")).Select(ClassOf).Distinct().Order(StringComparer.Ordinal);
                var plannedClasses = plan.Where(row => row[0] == $"{shard}").Select(row => row[2]).Order(StringComparer.Ordinal);
                Assert.Equal(plannedClasses, ranClasses);
                var holdsPlanted = plannedClasses.Contains(PlantedClass);
                Assert.True(holdsPlanted ? run.ExitCode != 0 : run.ExitCode == 0, run.ToString());
            }

            // Every test of the full run ran exactly once across the shards (compared by name).
            Assert.Equal(fullNames, TestNames(results));

            // The merged coverage of the shards covers the same lines as the full run (hit counts may differ).
            var report = await ReportAsync(root, reportGenerator, cancellationToken, "--results-directory", results, "--output", Path.Combine(root, $"report-n{shards}"));
            Assert.True(report.ExitCode == 1, report.ToString());
            var summary = await File.ReadAllTextAsync(Path.Combine(root, $"report-n{shards}", "summary.md"), cancellationToken);
            Assert.Contains($"- {PlantedTest}", summary);
            // What the shards listed is what ran.
            Assert.DoesNotContain("Listed and ran differ", summary, StringComparison.Ordinal);
            Assert.Equal(fullCoverage, CoveredLines(Path.Combine(root, $"report-n{shards}", "Cobertura.xml")));
        }

        // A shard whose list of units is missing (it did not run, or its results were not collected) fails the report, named.
        File.Delete(Path.Combine(root, "n3", "shard-2", "test-shard-units.tsv"));
        var incomplete = await ReportAsync(root, reportGenerator, cancellationToken, "--results-directory", Path.Combine(root, "n3"), "--output", Path.Combine(root, "report-incomplete"));
        Assert.True(incomplete.ExitCode == 1, incomplete.ToString());
        Assert.Contains("- shard 2 of 3 left no list of its units", incomplete.StandardOutput, StringComparison.Ordinal);

        // More shards than classes: the empty ones succeed and say why.
        var empty = await ScriptAsync(root, cancellationToken, "test-shard.sh", "--shard", $"{classes!.Count + 1}", "--shards", $"{classes.Count + 1}", "--no-build", "--no-restore");
        Assert.True(empty.ExitCode == 0, empty.ToString());
        Assert.Contains("has no test classes", empty.StandardOutput);

        // The command the README and a failing shard's log give reproduces the failure on a developer's machine.
        var failing = (await ScriptAsync(root, cancellationToken, "test-shard.sh", "--list", "--no-build", "--no-restore", "--shards", "3")).StandardOutput
            .Split('\n').Select(line => line.Split('\t')).Single(row => row is [_, _, PlantedClass])[0];
        var reproduced = await ScriptAsync(root, cancellationToken, "test-shard.sh", "--shard", failing, "--shards", "3");
        Assert.True(reproduced.ExitCode == 1, reproduced.ToString());
        Assert.Contains(PlantedTest, reproduced.Output);
        Assert.Contains($"Reproduce it with: bash build/test-shard.sh --shard {failing} --shards 3", reproduced.Output);

        // The GitHub workflow's own steps hand the build to a shard on another machine: the build job
        // packs bin/ and obj/, a shard job checks out the sources, unpacks them (here: in another folder,
        // a harsher move than a runner's, whose path stays the same), restores and runs its shard.
        await RunsOnAnotherAgentAsync(root, failing, cancellationToken);

        // Bad input: a clear message and exit code 2.
        var bad = await ScriptAsync(root, cancellationToken, "test-shard.sh", "--shard", "4", "--shards", "3", "--no-build");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--shard must be a whole number from 1 to 3 (got '4')", bad.StandardError);
    }

    private async Task<SampleRepository> CreateRepositoryAsync(CancellationToken cancellationToken)
    {
        var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        var root = repository.Root;
        await File.WriteAllTextAsync(Path.Combine(root, "src", "Acme.Calculator", "Arithmetic.cs"), """
            namespace Acme.Calculator;

            public static class Arithmetic
            {
                public static async Task<int> SubtractAsync(int a, int b, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                    return a - b;
                }

                public static int Multiply(int a, int b) => a * b;
            }
            """, cancellationToken);

        var orders = await GeneratedProject.CreateAsync(package, Path.Combine(repository.TestsDirectory, "Acme.Orders.Tests"), cancellationToken,
            "-n", "Acme.Orders.Tests", "--sut", SampleRepository.SutArgument);
        await orders.WriteFileAsync("AdditionTests.cs", SampleRepository.CalculatorTest.Replace("CalculatorTests", "AdditionTests"), cancellationToken);

        // The second project runs on Microsoft.Testing.Platform: the global.json nearest to it says so.
        var mtp = Path.Combine(repository.TestsDirectory, "mtp");
        Directory.CreateDirectory(mtp);
        await File.WriteAllTextAsync(Path.Combine(mtp, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""", cancellationToken);
        var worker = await GeneratedProject.CreateFromAsync("async-hosted-tests", package, Path.Combine(mtp, "Acme.Worker.Tests"), cancellationToken, "-n", "Acme.Worker.Tests");
        var reference = await Dotnet.RunAsync(worker.Directory, CommandLimit, cancellationToken, "add", "reference", repository.LibraryProject);
        Assert.True(reference.ExitCode == 0, reference.ToString());
        // Made with the samples, its coverage is filtered to them: delete the two lines, as its build's ATT011 says.
        await worker.DeleteSamplesCoverageFilterAsync(cancellationToken);
        await worker.WriteFileAsync("SubtractionTests.cs", """
            namespace Acme.Worker.Tests;

            public sealed class SubtractionTests
            {
                [Fact(Timeout = TestTimeouts.Default)]
                public async Task Subtracts_asynchronously()
                {
                    var difference = await Acme.Calculator.Arithmetic.SubtractAsync(5, 3, TestContext.Current.CancellationToken);
                    Assert.Equal(2, difference);
                }
            }
            """, cancellationToken);
        await worker.WriteFileAsync("PlantedFailureTests.cs", """
            namespace Acme.Worker.Tests;

            public sealed class PlantedFailureTests
            {
                [Fact(Timeout = TestTimeouts.Default)]
                public async Task Fails_on_purpose()
                {
                    await Task.Yield();
                    TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
                    Assert.Fail("This test fails on purpose, so that one shard fails.");
                }
            }
            """, cancellationToken);

        var ci = await package.NewAsync(root, cancellationToken, "async-ci");
        Assert.True(ci.ExitCode == 0, ci.ToString());
        return repository;
    }

    private static async Task RunsOnAnotherAgentAsync(string root, string failingShard, CancellationToken cancellationToken)
    {
        var workflow = await File.ReadAllLinesAsync(Path.Combine(root, ".github", "workflows", "tests.yml"), cancellationToken);
        string RunOf(string step) => workflow.SkipWhile(line => line.Trim() != $"- name: {step}").Skip(1)
            .First(line => line.TrimStart().StartsWith("run: ", StringComparison.Ordinal)).Trim()["run: ".Length..];
        var runnerTemp = Path.Combine(root, "runner-temp");
        Directory.CreateDirectory(runnerTemp);
        var agent = Path.Combine(root, "agent");
        var environment = new Dictionary<string, string?>
        {
            ["RUNNER_TEMP"] = runnerTemp, ["SHARD"] = failingShard, ["TEST_SHARDS"] = "3", ["CONFIGURATION"] = "Release",
        };

        var pack = await ProcessRunner.RunAsync("bash", ["-c", RunOf("Pack the build")], root, CommandLimit, environment, cancellationToken);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        foreach (var source in new[] { "src", "tests", "build" }.Select(name => Path.Combine(root, name)))
        {
            CopySources(source, Path.Combine(agent, Path.GetFileName(source)));
        }

        var unpack = await ProcessRunner.RunAsync("bash", ["-c", RunOf("Unpack the build")], agent, CommandLimit, environment, cancellationToken);
        Assert.True(unpack.ExitCode == 0, unpack.ToString());
        var assembly = Path.Combine(agent, "tests", "mtp", "Acme.Worker.Tests", "bin", "Release", "net10.0", "Acme.Worker.Tests.dll");
        var built = File.GetLastWriteTimeUtc(assembly);
        var shard = await ProcessRunner.RunAsync("bash", ["-c", RunOf($"Run shard ${{{{ matrix.shard }}}}")], agent, CommandLimit, environment, cancellationToken);

        Assert.True(shard.ExitCode == 1, shard.ToString());
        Assert.Contains(PlantedTest, TestNames(Path.Combine(agent, "TestResults", $"shard-{failingShard}")));
        Assert.Equal(built, File.GetLastWriteTimeUtc(assembly));
    }

    /// <summary>What a checkout holds: the sources, no build output.</summary>
    private static void CopySources(string source, string destination)
    {
        if (File.Exists(source))
        {
            File.Copy(source, destination);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "TestResults")))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>ReportGenerator as the report job installs it (a dotnet tool of the version the workflow pins), into a folder of its own.</summary>
    private static async Task<string> InstallReportGeneratorAsync(string root, CancellationToken cancellationToken)
    {
        var tools = Path.Combine(root, ".tools");
        var install = await Dotnet.RunAsync(root, CommandLimit, cancellationToken,
            "tool", "install", "dotnet-reportgenerator-globaltool", "--version", PackageVersions.ByProperty["ReportGeneratorVersion"], "--tool-path", tools);
        Assert.True(install.ExitCode == 0, install.ToString());
        return tools;
    }

    private static Task<ProcessResult> ScriptAsync(string root, CancellationToken cancellationToken, string script, params string[] arguments) =>
        ProcessRunner.RunAsync("bash", [Path.Combine("build", script), .. arguments], root, CommandLimit, cancellationToken);

    /// <summary>build/test-report.sh with ReportGenerator's folder on PATH, as the report job runs it.</summary>
    private static Task<ProcessResult> ReportAsync(string root, string tools, CancellationToken cancellationToken, params string[] arguments) =>
        ProcessRunner.RunAsync("bash", [Path.Combine("build", "test-report.sh"), .. arguments], root, CommandLimit,
            new Dictionary<string, string?> { ["PATH"] = tools + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") }, cancellationToken);

    /// <summary>Every test name in every TRX file under <paramref name="folder"/>, sorted, repeats kept.</summary>
    private static List<string> TestNames(string folder) =>
        Directory.GetFiles(folder, "*.trx", SearchOption.AllDirectories)
            .SelectMany(trx => XDocument.Load(trx).Descendants().Where(e => e.Name.LocalName == "UnitTestResult"))
            .Select(result => (string)result.Attribute("testName")!)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string ClassOf(string testName)
    {
        var method = testName.IndexOf('(') is var open and >= 0 ? testName[..open] : testName;
        return method[..method.LastIndexOf('.')];
    }

    /// <summary>Each coverable line of a Cobertura file: file, method, line number, covered or not.</summary>
    private static List<(string File, string Method, int Line, bool Covered)> CoveredLines(string cobertura) =>
        XDocument.Load(cobertura).Descendants("class")
            .SelectMany(c => c.Descendants("method").SelectMany(m => m.Descendants("line")
                .Select(line => ((string)c.Attribute("filename")!, (string)m.Attribute("name")!, (int)line.Attribute("number")!, (long)line.Attribute("hits")! > 0))))
            .Distinct()
            .Order()
            .ToList();
}
