namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs docs/async-testing-guide.md § 13 "ConfigureAwait: libraries, not tests", by real runs of
/// ClaimSubjects.SynchronizationContextSubjects: under xunit v3's default parallel algorithm
/// (conservative) a test runs with no synchronization context; with <c>parallelAlgorithm</c> aggressive it
/// runs on xunit's <c>MaxConcurrencySyncContext</c>, which is what limits how many tests run at once, and
/// which an <c>await</c> in the test comes back to.
/// </summary>
[Trait(GuideSection.Trait, GuideSection.ConfigureAwait)]
public sealed class XunitSynchronizationContextTests
{
    [Fact(Timeout = 60_000)]
    public async Task By_default_a_test_runs_with_no_synchronization_context()
    {
        var run = await ClaimSubjects.RunAsync(["SynchronizationContextSubjects"], [], TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("[claim] synchronization context: none\n[claim] after an await: none\n", run.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task With_the_aggressive_algorithm_a_test_runs_on_xunit_s_MaxConcurrencySyncContext()
    {
        var run = await ClaimSubjects.RunAsync(["SynchronizationContextSubjects"], ["--parallel-algorithm", "aggressive"], TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(
            "[claim] synchronization context: Xunit.v3.MaxConcurrencySyncContext\n[claim] after an await: Xunit.v3.MaxConcurrencySyncContext\n",
            run.Output,
            StringComparison.Ordinal);
    }
}
