using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>An older target framework: built warning-free always, and run where its runtime is installed.</summary>
[Template("async-tests", "async-integration-tests")]
public sealed class FrameworkTests(TemplatePackage package)
{
    [Theory(Timeout = EndToEndLimits.Test)]
    [InlineData("async-tests", "net8.0", "8.0.", 12)]
    [InlineData("async-integration-tests", "net8.0", "8.0.", 11)]
    public async Task Older_framework_builds_and_runs_where_its_runtime_exists(string template, string framework, string runtimePrefix, int sampleTests)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        var project = await GeneratedProject.CreateFromAsync(
            template, package, Path.Combine(repository.TestsDirectory, "Acme.Orders.Tests"), cancellationToken,
            "-n", "Acme.Orders.Tests", "--framework", framework);

        await project.BuildAsync(cancellationToken);

        var runtimes = await Dotnet.RunAsync(repository.Root, TimeSpan.FromMinutes(1), cancellationToken, "--list-runtimes");
        if (!runtimes.StandardOutput.Contains($"Microsoft.NETCore.App {runtimePrefix}"))
        {
            Assert.Skip($"Built warning-free; not run: no {framework} runtime on this machine.\n{runtimes.StandardOutput}");
        }

        var test = await project.TestAsync(cancellationToken);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Equal((sampleTests, 0, sampleTests), project.ReadTrxCounters());
    }
}
