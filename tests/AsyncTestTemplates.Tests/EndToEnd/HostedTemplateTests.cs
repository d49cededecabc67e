using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// async-hosted-tests from the real package to a green plain <c>dotnet test</c>: under both runners,
/// with its samples, and with --sut pointing at the SDK's own <c>dotnet new worker</c> project.
/// </summary>
public sealed class HostedTemplateTests(TemplatePackage package)
{
    /// <summary>Sample tests generated with --samples true.</summary>
    private const int SampleTestCount = 6;

    public static TheoryData<bool, bool, bool> Cases { get; } = new()
    {
        // repository selects MTP, samples, --sut a worker project
        { false, true, true },
        { true, true, false },
        { true, false, true },
    };

    [Theory(Timeout = EndToEndLimits.Test)]
    [MemberData(nameof(Cases))]
    public async Task Generated_project_passes_a_plain_dotnet_test(bool repositorySelectsMtp, bool samples, bool withWorker)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(repositorySelectsMtp, cancellationToken);
        string[] sut = [];
        if (withWorker)
        {
            await repository.AddWorkerAsync(cancellationToken);
            sut = ["--sut", SampleRepository.WorkerSutArgument];
        }

        var project = await GeneratedProject.CreateFromAsync(
            "async-hosted-tests", package, Path.Combine(repository.TestsDirectory, "Acme.Worker.Tests"), cancellationToken,
            ["-n", "Acme.Worker.Tests", "--samples", samples ? "true" : "false", .. sut]);
        await project.BuildAsync(cancellationToken);
        var test = await project.TestAsync(cancellationToken);

        Assert.True(test.ExitCode == 0, test.ToString());
        // With --sut, one more test per BackgroundService of the worker (the SDK's has one).
        var expected = (samples ? SampleTestCount : 1) + (withWorker ? 1 : 0);
        Assert.Equal((expected, 0, expected), project.ReadTrxCounters());
        Assert.Contains(repositorySelectsMtp ? "Test run summary" : "Passed!", test.StandardOutput);
        if (samples)
        {
            AsyncTestingGuide.Load().AssertSamplesPassed("async-hosted-tests", project);
        }

        if (withWorker)
        {
            Assert.Contains("Acme.Worker", project.ReadCoverageByPackage().Keys);
        }
    }
}
