using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// Guarantee 2: a test that awaits forever and one that blocks a thread forever, neither with a
/// timeout of its own, end the run by themselves (hang timeout 20 s), fail it, and are named on the
/// console, under either runner.
/// </summary>
public sealed class HangContainmentTests(TemplatePackage package)
{
    private const string HangingTests = """
        // Deliberately broken tests: no timeout, no token. The analyzer rightly objects to the second.
        #pragma warning disable xUnit1051
        namespace Hang.Tests;

        public sealed class AwaitsForeverTests
        {
            [Fact]
            public async Task Awaits_forever() => await new TaskCompletionSource().Task;
        }

        public sealed class BlocksForeverTests
        {
            [Fact]
            public void Blocks_forever() => new ManualResetEventSlim().Wait();
        }
        """;

    [Theory(Timeout = EndToEndLimits.Test)]
    [InlineData("vstest", false)]
    [InlineData("mtp", true)]
    public async Task Hung_tests_end_the_run_within_two_minutes_and_are_named(string runner, bool repositorySelectsMtp)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(repositorySelectsMtp, cancellationToken);
        var project = await GeneratedProject.CreateAsync(
            package, Path.Combine(repository.TestsDirectory, "Hang.Tests"), cancellationToken,
            "-n", "Hang.Tests", "--runner", runner, "--samples", "false", "--hang-timeout", "20");
        await project.WriteFileAsync("HangingTests.cs", HangingTests, cancellationToken);
        await project.BuildAsync(cancellationToken);

        var test = await project.TestAsync(cancellationToken, limit: TimeSpan.FromMinutes(4));

        Assert.True(test.Elapsed < TimeSpan.FromMinutes(2), $"The run took {test.Elapsed}.\n{test}");
        Assert.True(test.ExitCode != 0, test.ToString());
        Assert.Contains("Hang.Tests.AwaitsForeverTests.Awaits_forever", test.Output);
        Assert.Contains("Hang.Tests.BlocksForeverTests.Blocks_forever", test.Output);
    }
}
