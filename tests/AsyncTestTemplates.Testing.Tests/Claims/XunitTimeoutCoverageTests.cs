namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs docs/async-testing-guide.md § 15 "What a test's timeout covers", each by a real run of a
/// subject in tests/Subjects/ClaimSubjects/TimeoutCoverageSubjects.cs: a test with a 1 s timeout whose
/// method is quick, and one step around it that takes 4 s. The timeout counts the test class's
/// constructor, its <c>IAsyncLifetime.InitializeAsync</c> and its <c>DisposeAsync</c>; it does not count
/// a class fixture's or a collection fixture's setup and teardown.
/// </summary>
[Trait(GuideSection.Trait, GuideSection.TimeoutCoverage)]
public sealed class XunitTimeoutCoverageTests
{
    private const string TimedOut = "Test execution timed out after 1000 milliseconds";

    public static TheoryData<string> CoveredSteps { get; } = ["SlowConstructor", "SlowInitializeAsync", "SlowDisposeAsync"];

    public static TheoryData<string, string> UncoveredSteps { get; } = new()
    {
        { "SlowClassFixture", "class fixture" },
        { "SlowCollectionFixture", "collection fixture" },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(CoveredSteps))]
    public async Task A_slow_step_of_the_test_class_itself_counts_against_the_test_s_timeout(string subject)
    {
        var run = await ClaimSubjects.RunAsync(subject, TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == SubjectRun.TestsFailed && run.Output.Contains(TimedOut, StringComparison.Ordinal), run.ToString());
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(UncoveredSteps))]
    public async Task A_slow_fixture_does_not_count_against_the_test_s_timeout(string subject, string fixture)
    {
        var run = await ClaimSubjects.RunAsync(subject, TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(TimedOut, run.Output, StringComparison.Ordinal);
        // The fixture really was slow, before and after the test: 4 s each, four times the test's timeout.
        Assert.Contains($"[claim] slow step done: {fixture} InitializeAsync\n[claim] test method done\n[claim] slow step done: {fixture} DisposeAsync", run.Output, StringComparison.Ordinal);
    }
}
