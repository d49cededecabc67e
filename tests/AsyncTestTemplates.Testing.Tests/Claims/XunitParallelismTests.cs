namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs docs/async-testing-guide.md § 14 "Parallel tests and what they share", each by a real run of
/// subjects in tests/Subjects/ClaimSubjects/ParallelismSubjects.cs: two tests that can only pass together
/// when they run at the same time. Run one after the other, the first waits out its bound alone and fails.
/// </summary>
[Trait(GuideSection.Trait, GuideSection.Parallelism)]
public sealed class XunitParallelismTests
{
    private static readonly string[] TwoClasses = ["ParallelClassA", "ParallelClassB"];

    [Fact(Timeout = 60_000)]
    public async Task Two_test_classes_run_at_the_same_time_by_default()
    {
        var run = await ClaimSubjects.RunAsync(TwoClasses, ["--max-threads", "2"], TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, Count(run, "met the other test"));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("--parallel", "none")]
    [InlineData("--max-threads", "1")]
    public async Task Two_test_classes_run_one_after_the_other_without_parallelization_or_with_one_thread(string option, string value)
    {
        string[] options = option == "--max-threads" ? [option, value] : ["--max-threads", "2", option, value];
        var run = await ClaimSubjects.RunAsync(TwoClasses, options, TestContext.Current.CancellationToken);

        AssertOneAfterTheOther(run);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_tests_of_one_class_run_one_after_the_other_by_default()
    {
        var run = await ClaimSubjects.RunAsync(["OneClass"], ["--max-threads", "2"], TestContext.Current.CancellationToken);

        AssertOneAfterTheOther(run);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_tests_of_one_class_run_at_the_same_time_with_parallel_all()
    {
        var run = await ClaimSubjects.RunAsync(["OneClass"], ["--max-threads", "2", "--parallel", "all"], TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, Count(run, "met the other test"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Two_classes_of_one_named_collection_run_one_after_the_other()
    {
        var run = await ClaimSubjects.RunAsync(["NamedCollectionClassA", "NamedCollectionClassB"], ["--max-threads", "2"], TestContext.Current.CancellationToken);

        AssertOneAfterTheOther(run);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_collection_with_DisableParallelization_runs_after_the_parallel_ones()
    {
        var run = await ClaimSubjects.RunAsync(["NonParallelCollectionClass", "ParallelPartnerClass"], ["--max-threads", "2"], TestContext.Current.CancellationToken);

        AssertOneAfterTheOther(run);
        Assert.Contains("[claim] the parallel class ran alone", run.Output, StringComparison.Ordinal);
    }

    private static void AssertOneAfterTheOther(SubjectRun run)
    {
        Assert.True(run.ExitCode == SubjectRun.TestsFailed, run.ToString());
        Assert.True(Count(run, "ran alone") == 1 && Count(run, "met the other test") == 1, run.ToString());
    }

    private static int Count(SubjectRun run, string outcome) =>
        run.Output.Split('\n').Count(line => line.StartsWith("[claim] ", StringComparison.Ordinal) && line.EndsWith(outcome, StringComparison.Ordinal));
}
