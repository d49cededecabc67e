using System.Xml.Linq;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// Coverage where it is read: a local `dotnet test` collects none, a run on a CI agent (the CI variable
/// set) or with -p:AsyncTestCoverage=true does, under both runners. A CI run's `dotnet test` (VSTest, no global.json): with the samples, the report
/// covers the samples' code under test and no test or helper file, lands in one predictable file, is
/// summarised on the console, and the documented command turns it into an HTML page; without samples
/// or a project under test, the console says once why the report is empty, and tells a referenced project
/// with nothing to cover from none. The summary copies the report: every file a TRX file names is still
/// there after the run, and after the next one. The filter names the test assembly, whatever the project's name. Under
/// Microsoft.Testing.Platform the same code is covered, and the test application run directly with
/// --coverlet prints coverlet's summary and names the report (`dotnet test` shows neither: see docs/coverage.md).
/// </summary>
[Template("async-tests")]
public sealed class CoverageReportTests(TemplatePackage package)
{
    private const string ReportPath = "TestResults/coverage.cobertura.xml";

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task The_samples_code_under_test_is_covered_summarised_and_turned_into_html()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("coverage-samples");
        // A name that is no namespace (a space, a leading digit, a dash): the filter must name the
        // assembly (2024 Orders.Tests-2.dll), not the namespace made from it (_2024_Orders.Tests_2).
        var project = await GeneratedProject.CreateAsync(package, root.Combine("Orders"), cancellationToken, "-n", "2024 Orders.Tests-2");

        // On a developer's machine: no coverage, no summary.
        var local = await project.TestAsync(cancellationToken);

        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Empty(project.CoverageReports());
        Assert.DoesNotContain(Lines(local.StandardOutput), line => line.StartsWith("Coverage:", StringComparison.Ordinal));

        // On a CI agent, twice (as a re-run would).
        var first = await project.TestOnCiAsync(cancellationToken);
        Assert.True(first.ExitCode == 0, first.ToString());
        var test = await project.TestOnCiAsync(cancellationToken);

        Assert.True(test.ExitCode == 0, test.ToString());
        var report = Path.Combine(project.Directory, ReportPath);
        AssertCoversTheSamplesCodeUnderTestOnly(report, "_2024_Orders.Tests_2");
        var summary = Assert.Single(Lines(test.StandardOutput), line => line.StartsWith("Coverage:", StringComparison.Ordinal));
        Assert.Matches(@"^Coverage: \d+[.,]\d% of lines, \d+[.,]\d% of branches \(TestResults/coverage\.cobertura\.xml\)\. As HTML: ", summary);
        // The summary copied the second run's report and moved or deleted nothing: coverlet's file of each
        // run and the copy each TRX file names as its attachment are all still there.
        var attachments = project.TrxAttachments();
        Assert.Equal(2, attachments.Count(attachment => attachment.Path.EndsWith("coverage.cobertura.xml", StringComparison.Ordinal)));
        Assert.All(attachments, attachment => Assert.True(attachment.Exists, $"{attachment.Path}, named by a TRX file, is missing"));
        var coverletReports = project.CoverageReports().Where(path => path != report && !path.Contains($"{Path.DirectorySeparatorChar}In{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, coverletReports.Count);
        var newest = coverletReports.OrderBy(File.GetLastWriteTimeUtc).Last();
        Assert.Equal(await File.ReadAllTextAsync(newest, cancellationToken), await File.ReadAllTextAsync(report, cancellationToken));

        // The command the summary and the project file give, as a user would paste it.
        var restore = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(5), cancellationToken, "tool", "restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        var html = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(5), cancellationToken,
            "reportgenerator", $"-reports:{ReportPath}", "-targetdir:TestResults/coverage-html");
        Assert.True(html.ExitCode == 0, html.ToString());
        Assert.Contains("OrderService", await File.ReadAllTextAsync(Path.Combine(project.ResultsDirectory, "coverage-html", "index.html"), cancellationToken));
        Assert.Contains($"dotnet reportgenerator -reports:{ReportPath} -targetdir:TestResults/coverage-html", summary);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Without_samples_or_a_project_under_test_the_console_says_once_why_the_report_is_empty()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("coverage-empty");
        var project = await GeneratedProject.CreateAsync(package, root.Combine("Acme.Orders.Tests"), cancellationToken, "-n", "Acme.Orders.Tests", "--samples", "false");

        // The one switch that turns coverage off on a CI agent.
        var off = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(5), CiEnvironment.OnCi, cancellationToken, "test", "-p:AsyncTestCoverage=false");
        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.Empty(project.CoverageReports());

        // And the one that turns it on locally.
        var test = await project.TestWithArgumentsAsync(cancellationToken, "-p:AsyncTestCoverage=true");

        Assert.True(test.ExitCode == 0, test.ToString());
        var summary = Assert.Single(Lines(test.StandardOutput), line => line.StartsWith("Coverage:", StringComparison.Ordinal));
        Assert.Contains("is empty", summary, StringComparison.Ordinal);
        Assert.Contains("references no project", summary, StringComparison.Ordinal);
        Assert.Contains("Add a ProjectReference to the project under test", summary, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(project.Directory, ReportPath)));

        // A referenced project with nothing to cover yet (an interface) is told apart from none.
        var contracts = root.Combine("Acme.Contracts");
        Directory.CreateDirectory(contracts);
        await File.WriteAllTextAsync(Path.Combine(contracts, "Acme.Contracts.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(contracts, "IOrders.cs"),
            "namespace Acme.Contracts;\n\npublic interface IOrders\n{\n    int Count { get; }\n}\n", cancellationToken);
        var reference = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(5), cancellationToken, "add", "reference", Path.Combine(contracts, "Acme.Contracts.csproj"));
        Assert.True(reference.ExitCode == 0, reference.ToString());

        var again = await project.TestWithArgumentsAsync(cancellationToken, "-p:AsyncTestCoverage=true");

        Assert.True(again.ExitCode == 0, again.ToString());
        var second = Assert.Single(Lines(again.StandardOutput), line => line.StartsWith("Coverage:", StringComparison.Ordinal));
        Assert.Contains("is empty although Acme.Orders.Tests references Acme.Contracts: there is no coverable code there yet", second, StringComparison.Ordinal);
        Assert.DoesNotContain("references no project", second, StringComparison.Ordinal);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Under_Microsoft_Testing_Platform_the_samples_code_under_test_is_covered_and_the_test_application_summarises_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: true, cancellationToken);
        var project = await GeneratedProject.CreateAsync(package, Path.Combine(repository.TestsDirectory, "Orders"), cancellationToken, "-n", "123-Orders Tests");

        var local = await project.TestAsync(cancellationToken);
        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Empty(project.CoverageReports());

        var test = await project.TestOnCiAsync(cancellationToken);

        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Contains("Test run summary: Passed!", test.Output, StringComparison.Ordinal);
        AssertCoversTheSamplesCodeUnderTestOnly(Assert.Single(Directory.GetFiles(project.ResultsDirectory, "coverage.cobertura.*.xml")), "_123_Orders_Tests");

        // Run directly with coverlet's switch, the test application prints coverlet's summary and the report it wrote.
        var run = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(5), cancellationToken, "run", "--no-build", "--", "--coverlet");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"Total - Line: \d+[.,]\d+%", run.StandardOutput);
        Assert.Matches(@"coverage\.cobertura\.\d+\.xml", run.StandardOutput);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task A_project_reference_added_later_is_named_by_the_build_until_the_samples_filter_goes_then_covered()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        var project = await GeneratedProject.CreateAsync(package, Path.Combine(repository.TestsDirectory, "Acme.Orders.Tests"), cancellationToken, "-n", "Acme.Orders.Tests");
        var reference = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(5), cancellationToken, "add", "reference", repository.LibraryProject);
        Assert.True(reference.ExitCode == 0, reference.ToString());
        await project.WriteFileAsync("CalculatorTests.cs", SampleRepository.CalculatorTest, cancellationToken);

        var filtered = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(5), cancellationToken, "build", "-nologo");

        Assert.True(filtered.ExitCode == 0, filtered.ToString());
        var warning = Assert.Single(filtered.WarningLines.Distinct(), line => line.Contains("warning ATT011", StringComparison.Ordinal));
        Assert.Contains("references Acme.Calculator", warning, StringComparison.Ordinal);
        Assert.Contains("test.runsettings and testconfig.json", warning, StringComparison.Ordinal);

        // What the warning says to do, in the file VSTest reads (and in testconfig.json, which MTP would read).
        await project.DeleteSamplesCoverageFilterAsync(cancellationToken);
        await project.BuildAsync(cancellationToken);
        var test = await project.TestOnCiAsync(cancellationToken);

        Assert.True(test.ExitCode == 0, test.ToString());
        var report = Path.Combine(project.Directory, ReportPath);
        Assert.Contains("Calculator.cs", XDocument.Load(report).Descendants("class").Select(c => Path.GetFileName((string)c.Attribute("filename")!)));
    }

    // With the samples and no project under test: the samples' code under test is in the report,
    // covered, and no test, fixture or helper file is.
    private static void AssertCoversTheSamplesCodeUnderTestOnly(string report, string rootNamespace)
    {
        var classes = XDocument.Load(report).Descendants("class").ToList();
        var files = classes.Select(c => Path.GetFileName((string)c.Attribute("filename")!)).Distinct().ToList();
        Assert.Contains("OrderService.cs", files);
        Assert.All(files, file => Assert.False(file.EndsWith("Tests.cs", StringComparison.Ordinal) || file is "TestTimeouts.cs" or "OrderArchiveFixture.cs", file));
        Assert.All(classes, c => Assert.StartsWith($"{rootNamespace}.Samples.CodeUnderTest.", (string)c.Attribute("name")!, StringComparison.Ordinal));
        Assert.True((int)XDocument.Load(report).Root!.Attribute("lines-covered")! > 0);
    }

    private static IEnumerable<string> Lines(string output) => output.Split('\n').Select(line => line.Trim());
}
