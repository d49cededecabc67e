using System.Xml.Linq;

namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>A project generated from the installed package into a folder, with the commands a user runs on it.</summary>
public sealed class GeneratedProject
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(5);

    private GeneratedProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string ResultsDirectory => Path.Combine(Directory, "TestResults");

    /// <summary>A project already generated into <paramref name="directory"/>.</summary>
    public static GeneratedProject Existing(string directory) => new(directory);

    /// <summary>Runs <c>dotnet new async-tests</c> with <c>--no-restore</c>, so that the build below does the restore and its warnings count.</summary>
    public static Task<GeneratedProject> CreateAsync(TemplatePackage package, string outputDirectory, CancellationToken cancellationToken, params string[] arguments) =>
        CreateFromAsync("async-tests", package, outputDirectory, cancellationToken, arguments);

    /// <summary>Runs <c>dotnet new &lt;template&gt;</c> with <c>--no-restore</c>.</summary>
    public static async Task<GeneratedProject> CreateFromAsync(string template, TemplatePackage package, string outputDirectory, CancellationToken cancellationToken, params string[] arguments)
    {
        var parent = Path.GetDirectoryName(outputDirectory)!;
        System.IO.Directory.CreateDirectory(parent);
        var result = await package.NewAsync(parent, cancellationToken, [template, "-o", Path.GetFileName(outputDirectory), "--no-restore", .. arguments]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return new GeneratedProject(outputDirectory);
    }

    /// <summary>Restore and build with every warning an error: proves a warning-free restore and build.</summary>
    public async Task<ProcessResult> BuildAsync(CancellationToken cancellationToken)
    {
        var build = await Dotnet.RunAsync(Directory, CommandLimit, cancellationToken, "build", "-warnaserror", "-nologo");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(build.WarningLines);
        return build;
    }

    /// <summary>
    /// Restore and build with every warning an error but NU1603 (a referenced project pins a version
    /// the registry lacks); returns the NU1603 lines for the caller to check where they come from.
    /// </summary>
    public async Task<IReadOnlyList<string>> BuildAllowingNu1603Async(CancellationToken cancellationToken)
    {
        var build = await Dotnet.RunAsync(Directory, CommandLimit, cancellationToken, "build", "-warnaserror", "-warnnotaserror:NU1603", "-nologo");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.All(build.WarningLines, line => Assert.Contains("warning NU1603:", line, StringComparison.Ordinal));
        return build.WarningLines;
    }

    /// <summary>A plain <c>dotnet test</c>, no arguments, as a user or CI runs it.</summary>
    public Task<ProcessResult> TestAsync(CancellationToken cancellationToken, TimeSpan? limit = null) =>
        Dotnet.RunAsync(Directory, limit ?? CommandLimit, cancellationToken, "test");

    /// <summary><c>dotnet test --no-build</c> with <paramref name="arguments"/> (a filter, say), within <paramref name="limit"/>.</summary>
    public Task<ProcessResult> TestBuiltAsync(IEnumerable<string> arguments, TimeSpan limit, CancellationToken cancellationToken) =>
        Dotnet.RunAsync(Directory, limit, cancellationToken, ["test", "--no-build", .. arguments]);

    /// <summary>A plain <c>dotnet test</c> with environment variables set (null removes one).</summary>
    public Task<ProcessResult> TestAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken) =>
        Dotnet.RunAsync(Directory, CommandLimit, environment, cancellationToken, "test");

    /// <summary><c>dotnet test</c> with <paramref name="arguments"/> (a property, say), as a developer types it.</summary>
    public Task<ProcessResult> TestWithArgumentsAsync(CancellationToken cancellationToken, params string[] arguments) =>
        Dotnet.RunAsync(Directory, CommandLimit, cancellationToken, ["test", .. arguments]);

    /// <summary>A plain <c>dotnet test</c> on a CI agent (<see cref="CiEnvironment.OnCi"/>), where coverage is collected.</summary>
    public Task<ProcessResult> TestOnCiAsync(CancellationToken cancellationToken) => TestAsync(CiEnvironment.OnCi, cancellationToken);

    /// <summary>The coverage reports under TestResults/, wherever the runner and the build put them.</summary>
    public IReadOnlyList<string> CoverageReports() =>
        System.IO.Directory.Exists(ResultsDirectory)
            ? System.IO.Directory.GetFiles(ResultsDirectory, "coverage.cobertura*.xml", SearchOption.AllDirectories)
            : [];

    /// <summary>
    /// Every file the TRX files under TestResults/ name as an attachment (VSTest's: under the run's
    /// deployment folder, In/), with whether it exists.
    /// </summary>
    public IReadOnlyList<(string Path, bool Exists)> TrxAttachments()
    {
        var attachments = new List<(string, bool)>();
        foreach (var trx in System.IO.Directory.GetFiles(ResultsDirectory, "*.trx", SearchOption.AllDirectories))
        {
            var document = XDocument.Load(trx);
            var root = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Deployment")?.Attribute("runDeploymentRoot")?.Value ?? "";
            var deployment = Path.Combine(Path.GetDirectoryName(trx)!, root, "In");
            foreach (var reference in document.Descendants().Where(e => e.Name.LocalName is "A" or "ResultFile"))
            {
                var relative = (string?)reference.Attribute("href") ?? (string?)reference.Attribute("path");
                if (relative is not null)
                {
                    var path = Path.GetFullPath(Path.Combine(deployment, relative));
                    attachments.Add((path, File.Exists(path)));
                }
            }
        }

        return attachments;
    }

    /// <summary>
    /// What ATT011 tells a user to do once a project made with the samples references the project it
    /// tests: delete the two lines in test.runsettings and testconfig.json that keep coverage to the samples.
    /// </summary>
    public async Task DeleteSamplesCoverageFilterAsync(CancellationToken cancellationToken)
    {
        string[] filterLines = ["<IncludeTestAssembly>", "<Include>", "\"coverlet-include"];
        foreach (var file in new[] { "test.runsettings", "testconfig.json" }.Select(name => Path.Combine(Directory, name)).Where(File.Exists))
        {
            var kept = (await File.ReadAllLinesAsync(file, cancellationToken))
                .Where(line => !filterLines.Any(filter => line.Contains(filter, StringComparison.Ordinal)));
            await File.WriteAllLinesAsync(file, kept, cancellationToken);
        }
    }

    public Task WriteFileAsync(string relativePath, string content, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(Path.Combine(Directory, relativePath), content, cancellationToken);

    /// <summary>The counters of the single TRX file the run left.</summary>
    public (int Passed, int Failed, int Total) ReadTrxCounters()
    {
        var trx = System.IO.Directory.GetFiles(ResultsDirectory, "*.trx", SearchOption.AllDirectories);
        var counters = XDocument.Load(Assert.Single(trx)).Descendants().Single(e => e.Name.LocalName == "Counters");
        return ((int)counters.Attribute("passed")!, (int)counters.Attribute("failed")!, (int)counters.Attribute("total")!);
    }

    /// <summary>Each test's full name and outcome in the single TRX file the run left.</summary>
    public IReadOnlyList<(string Name, string Outcome)> ReadTrxResults()
    {
        var trx = System.IO.Directory.GetFiles(ResultsDirectory, "*.trx", SearchOption.AllDirectories);
        return [.. XDocument.Load(Assert.Single(trx)).Descendants().Where(e => e.Name.LocalName == "UnitTestResult")
            .Select(result => ((string)result.Attribute("testName")!, (string)result.Attribute("outcome")!))];
    }

    /// <summary>What the test whose name ends with <paramref name="testName"/> wrote to its output, from the single TRX file the run left.</summary>
    public string ReadTrxOutput(string testName)
    {
        var trx = System.IO.Directory.GetFiles(ResultsDirectory, "*.trx", SearchOption.AllDirectories);
        var result = XDocument.Load(Assert.Single(trx)).Descendants()
            .Single(e => e.Name.LocalName == "UnitTestResult" && ((string)e.Attribute("testName")!).EndsWith("." + testName, StringComparison.Ordinal));
        return string.Concat(result.Descendants().Where(e => e.Name.LocalName == "StdOut").Select(e => e.Value));
    }

    /// <summary>Line rate per package (assembly) in the single Cobertura report the run left.</summary>
    public IReadOnlyDictionary<string, double> ReadCoverageByPackage()
    {
        var reports = System.IO.Directory.GetFiles(ResultsDirectory, "coverage.cobertura*.xml", SearchOption.AllDirectories);
        // VSTest leaves one copy under TestResults/<guid>/ and one under the deployment folder: same content.
        Assert.NotEmpty(reports);
        return XDocument.Load(reports[0]).Descendants("package")
            .ToDictionary(p => (string)p.Attribute("name")!, p => (double)p.Attribute("line-rate")!);
    }
}
