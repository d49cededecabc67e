using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// From the real package to a green plain <c>dotnet test</c>, for each runner choice in each kind of
/// repository: a warning-free restore and build, the exact number of passing tests, a TRX file, and
/// where the run stands for CI (the CI variable set), a Cobertura report that covers the project under
/// test, whose TRX attachments all exist; where it stands for a developer's machine, no coverage.
/// </summary>
[Template("async-tests")]
public sealed class RunnerMatrixTests(TemplatePackage package)
{
    /// <summary>Sample tests generated with --samples true.</summary>
    private const int SampleTestCount = 12;

    public static TheoryData<string, bool, bool, string> Cases { get; } = new()
    {
        // runner, repository selects MTP, samples, --sut given as (with a project under test, the run stands for CI)
        { "vstest", false, true, "relative" },
        { "mtp", true, false, "absolute" },
        { "auto", false, true, "none" },
        { "auto", true, false, "relative" },
    };

    [Theory(Timeout = EndToEndLimits.Test)]
    [MemberData(nameof(Cases))]
    public async Task Generated_project_passes_a_plain_dotnet_test(string runner, bool repositorySelectsMtp, bool samples, string sutPath)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(repositorySelectsMtp, cancellationToken);
        var withSut = sutPath != "none";
        string[] sut = sutPath switch
        {
            "relative" => ["--sut", SampleRepository.SutArgument],
            "absolute" => ["--sut", repository.LibraryProject],
            _ => [],
        };
        var project = await GeneratedProject.CreateAsync(
            package, Path.Combine(repository.TestsDirectory, "Acme.Orders.Tests"), cancellationToken,
            ["-n", "Acme.Orders.Tests", "--runner", runner, "--samples", samples ? "true" : "false", .. sut]);
        if (withSut)
        {
            await project.WriteFileAsync("CalculatorTests.cs", SampleRepository.CalculatorTest, cancellationToken);
        }

        await project.BuildAsync(cancellationToken);
        var test = withSut ? await project.TestOnCiAsync(cancellationToken) : await project.TestAsync(cancellationToken);

        Assert.True(test.ExitCode == 0, test.ToString());
        var expectedPassed = (samples ? SampleTestCount : 1) + (withSut ? 1 : 0);
        Assert.Equal((expectedPassed, 0, expectedPassed), project.ReadTrxCounters());
        // The runner that ran is the one the repository and option call for.
        Assert.Contains(repositorySelectsMtp ? "Test run summary" : "Passed!", test.StandardOutput);
        // A green run says nothing alarming: no blame collector message, and its TRX outcome is Completed.
        Assert.DoesNotContain("Blame", test.Output, StringComparison.OrdinalIgnoreCase);
        var trx = Assert.Single(Directory.GetFiles(project.ResultsDirectory, "*.trx", SearchOption.AllDirectories));
        Assert.DoesNotContain("outcome=\"Warning\"", await File.ReadAllTextAsync(trx, cancellationToken), StringComparison.Ordinal);
        if (samples)
        {
            AsyncTestingGuide.Load().AssertSamplesPassed("async-tests", project);
        }

        if (withSut)
        {
            var coverage = project.ReadCoverageByPackage();
            Assert.True(coverage.TryGetValue("Acme.Calculator", out var lineRate) && lineRate > 0, $"Acme.Calculator not covered: {string.Join(", ", coverage)}");
            Assert.All(project.TrxAttachments(), attachment => Assert.True(attachment.Exists, $"{attachment.Path}, named by a TRX file, is missing"));
        }
        else
        {
            // A local run (no CI variable) collects no coverage: the inner loop pays only for the tests.
            Assert.Empty(project.CoverageReports());
        }
    }
}
