using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// async-hosted-tests from the real package to a green plain <c>dotnet test</c>: under both runners,
/// with its samples, and with --sut pointing at the SDK's own <c>dotnet new worker</c> project and at
/// workers shaped like real ones (<see cref="RealWorker"/>).
/// </summary>
[Template("async-hosted-tests")]
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
        // With a worker under test the run stands for CI, where coverage is collected.
        var test = withWorker ? await project.TestOnCiAsync(cancellationToken) : await project.TestAsync(cancellationToken);

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

    [Theory(Timeout = EndToEndLimits.Test)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_first_test_starts_a_real_worker_s_own_host_and_fails_naming_an_unreachable_dependency(bool repositorySelectsMtp)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(repositorySelectsMtp, cancellationToken);
        await RealWorker.WriteAsync(repository, RealWorker.Shape.ApplicationBuilder, cancellationToken);
        var project = await GeneratedProject.CreateFromAsync(
            "async-hosted-tests", package, Path.Combine(repository.TestsDirectory, "Acme.Worker.Tests"), cancellationToken,
            ["-n", "Acme.Worker.Tests", "--samples", "false", "--sut", SampleRepository.WorkerSutArgument]);
        await project.BuildAsync(cancellationToken);

        // Internal services that resolve Program.cs registrations inside ExecuteAsync: the first test
        // passes, and shows what each did, its log line included.
        await AssertFirstTestPassesAsync(project, withOutput: !repositorySelectsMtp, cancellationToken);

        // A service whose HTTP dependency a test cannot reach: the first test fails, naming both.
        await RealWorker.WriteAsync(repository, RealWorker.Shape.UnreachableDependency, cancellationToken);
        Directory.Delete(project.ResultsDirectory, recursive: true);
        var unreachable = await project.TestAsync(cancellationToken);
        Assert.True(unreachable.ExitCode != 0, unreachable.ToString());
        Assert.Equal((1, 1, 2), project.ReadTrxCounters());
        Assert.Contains("Acme.Worker.RateWorker crashed", unreachable.Output, StringComparison.Ordinal);
        Assert.Contains("GET http://rates.acme.invalid/rates/eur through HttpClient 'ExchangeRates'", unreachable.Output, StringComparison.Ordinal);
        Assert.Contains("ConfigureTestServices", unreachable.Output, StringComparison.Ordinal);

        if (!repositorySelectsMtp)
        {
            // Host.CreateDefaultBuilder: the runner does not matter here, one is enough.
            await RealWorker.WriteAsync(repository, RealWorker.Shape.DefaultBuilder, cancellationToken);
            Directory.Delete(project.ResultsDirectory, recursive: true);
            await AssertFirstTestPassesAsync(project, withOutput: true, cancellationToken);
        }
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task An_interactive_Main_falls_back_to_its_service_classes_and_services_behind_typed_clients_are_each_named()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        await RealWorker.WriteAsync(repository, RealWorker.Shape.InteractiveMenu, cancellationToken);
        var project = await GeneratedProject.CreateFromAsync(
            "async-hosted-tests", package, Path.Combine(repository.TestsDirectory, "Acme.Worker.Tests"), cancellationToken,
            ["-n", "Acme.Worker.Tests", "--samples", "false", "--sut", SampleRepository.WorkerSutArgument]);
        await project.BuildAsync(cancellationToken);

        // A console menu before any host: it reads no input, and the first test passes with the
        // hosted-service classes started on their own, saying why.
        var interactive = await project.TestAsync(cancellationToken);
        Assert.True(interactive.ExitCode == 0, interactive.ToString());
        Assert.Equal((2, 0, 2), project.ReadTrxCounters());
        var output = project.ReadTrxOutput("Its_own_host_starts_each_hosted_service_which_runs_without_errors_and_stops_in_time");
        Assert.Contains("Not the entry point's own host: it read console input", output, StringComparison.Ordinal);
        Assert.Contains("Acme.Worker.ImportWorker: logged \"Import worker started\"", output, StringComparison.Ordinal);

        // Internal services behind typed clients: the failure names each, with what was seen of it.
        await RealWorker.WriteAsync(repository, RealWorker.Shape.TypedClients, cancellationToken);
        Directory.Delete(project.ResultsDirectory, recursive: true);
        var typed = await project.TestAsync(cancellationToken);
        Assert.True(typed.ExitCode != 0, typed.ToString());
        Assert.Equal((1, 1, 2), project.ReadTrxCounters());
        // Its first act: a call refused behind a token handler and a resilience pipeline.
        AssertSays(typed, "POST http://auth.acme.invalid/token through HttpClient 'auth', called by Acme.Worker.StockSync.");
        AssertSays(typed, "- Acme.Worker.StockSync: made an HTTP call (POST http://auth.acme.invalid/token, refused)");
        AssertSays(typed, "- Acme.Worker.CatalogSync: crashed: OptionsValidationException");
        AssertSays(typed, "The app requires the setting Catalog:ApiKey, which the test did not give it.");
        AssertSays(typed, "Give it in ProjectHostOptions.Settings (in the generated first test, ProjectUnderTestTests.cs");

        // The setting, in the place the failure named: the service gets it (its next call, refused too, carries it).
        var firstTest = Path.Combine(project.Directory, "ProjectUnderTestTests.cs");
        var code = await File.ReadAllTextAsync(firstTest, cancellationToken);
        const string Example = "//   options.Settings[\"Payments:ApiKey\"] = \"test-key\";";
        Assert.Contains(Example, code, StringComparison.Ordinal);
        await File.WriteAllTextAsync(firstTest, code.Replace(Example, "options.Settings[\"Catalog:ApiKey\"] = \"test-key\";", StringComparison.Ordinal), cancellationToken);
        Directory.Delete(project.ResultsDirectory, recursive: true);
        var withSetting = await project.TestAsync(cancellationToken);
        Assert.Equal((1, 1, 2), project.ReadTrxCounters());
        Assert.False(withSetting.Output.Contains("OptionsValidationException", StringComparison.Ordinal), withSetting.ToString());
        AssertSays(withSetting, "- Acme.Worker.CatalogSync: made an HTTP call (GET http://catalog.acme.invalid/items?key=test-key, refused)");

        static void AssertSays(ProcessResult result, string text) =>
            Assert.True(result.Output.Contains(text, StringComparison.Ordinal), $"Expected \"{text}\" in the output of:\n{result}");
    }

    // The output of a passing test is in VSTest's TRX file; MTP's xunit TRX report leaves it out.
    private static async Task AssertFirstTestPassesAsync(GeneratedProject project, bool withOutput, CancellationToken cancellationToken)
    {
        var test = await project.TestAsync(cancellationToken);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Equal((2, 0, 2), project.ReadTrxCounters());
        if (!withOutput)
        {
            return;
        }

        var output = project.ReadTrxOutput("Its_own_host_starts_each_hosted_service_which_runs_without_errors_and_stops_in_time");
        Assert.Contains(RealWorker.OrderWorkerLogLine, output, StringComparison.Ordinal);
        Assert.Contains("Acme.Worker.OrderWorker: logged", output, StringComparison.Ordinal);
        Assert.Contains("Acme.Worker.CleanupWorker: armed a timer on the injected TimeProvider", output, StringComparison.Ordinal);
    }
}
