using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// A Microsoft.Testing.Platform project the pack did not make, given the runtime library by
/// async-test-settings and nothing else, has a hang guard all the same: with no HangDump of its own,
/// the library arms the test process (AsyncTestHangGuard, written into the runtime configuration),
/// which ends a stuck run at the hang timeout and names the stuck test.
/// </summary>
[Template("async-test-settings")]
public sealed class HangGuardDefaultTests(TemplatePackage package)
{
    // No timeout and no token on purpose: only a hang guard can end this test.
    private const string StuckTest = """
        #pragma warning disable xUnit1051
        namespace HandMade.Tests;

        public sealed class StuckTests
        {
            [Fact]
            [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "ATA1001", Justification = "It must hang until the hang guard ends the run.")]
            public void Blocks_forever() => new ManualResetEventSlim().Wait();
        }
        """;

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task An_mtp_project_without_hangdump_ends_a_stuck_run_at_the_hang_timeout_naming_the_test()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: true, cancellationToken);
        var directory = Path.Combine(repository.TestsDirectory, "HandMade.Tests");
        await HandMadeProject.WriteAsync(directory, "HandMade.Tests", cancellationToken, globalUsingXunit: true, testingPlatform: true);
        var restore = await Dotnet.RunAsync(directory, TimeSpan.FromMinutes(5), cancellationToken, "restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        var settings = await package.NewAsync(directory, cancellationToken, "async-test-settings", "--hang-timeout", "15");
        Assert.True(settings.ExitCode == 0, settings.ToString());
        await File.WriteAllTextAsync(Path.Combine(directory, "StuckTests.cs"), StuckTest, cancellationToken);
        var build = await Dotnet.RunAsync(directory, TimeSpan.FromMinutes(5), cancellationToken, "build", "-nologo");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("\"AsyncTestTemplates.HangGuard\": \"process\"",
            await File.ReadAllTextAsync(Path.Combine(directory, "bin", "Debug", "net10.0", "HandMade.Tests.runtimeconfig.json"), cancellationToken),
            StringComparison.Ordinal);

        var test = await Dotnet.RunAsync(directory, TimeSpan.FromMinutes(3), cancellationToken, "test", "--no-build");

        Assert.True(test.ExitCode != 0, test.ToString());
        Assert.True(test.Elapsed < TimeSpan.FromSeconds(75), $"The run took {test.Elapsed}.\n{test}");
        Assert.Contains("[hung test?] 'HandMade.Tests.StuckTests.Blocks_forever'", test.Output, StringComparison.Ordinal);
        Assert.Contains(", the hang timeout of 15 s: the test process ends itself.", test.Output, StringComparison.Ordinal);
    }
}
