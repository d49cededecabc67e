namespace ClaimSubjects;

/// <summary>
/// Subjects of "Parallel tests and what they share" (guide § 14). Two tests meet when each has signalled
/// that it started and then sees the other's signal, within a bound: they meet only when they run at the
/// same time. The first of two tests run one after the other waits out the bound alone and fails; the
/// second finds the first one's signal and passes. So a run where nobody "ran alone" ran them together.
/// </summary>
internal sealed class Meeting
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _second = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static Meeting OfClasses { get; } = new();

    public static Meeting InOneClass { get; } = new();

    public static Meeting InOneNamedCollection { get; } = new();

    public static Meeting WithANonParallelCollection { get; } = new();

    public Task AsFirstAsync(string who, CancellationToken cancellationToken) => MeetAsync(_first, _second, who, cancellationToken);

    public Task AsSecondAsync(string who, CancellationToken cancellationToken) => MeetAsync(_second, _first, who, cancellationToken);

    private static async Task MeetAsync(TaskCompletionSource mine, TaskCompletionSource theirs, string who, CancellationToken cancellationToken)
    {
        mine.TrySetResult();
        try
        {
            await theirs.Task.WaitAsync(Bound, TimeProvider.System, cancellationToken);
            Console.WriteLine($"[claim] {who} met the other test");
        }
        catch (TimeoutException)
        {
            Console.WriteLine($"[claim] {who} ran alone");
            throw;
        }
    }
}

public sealed class ParallelClassA
{
    [Fact(Timeout = 10_000)]
    public Task Meets_class_B() => Meeting.OfClasses.AsFirstAsync("class A", TestContext.Current.CancellationToken);
}

public sealed class ParallelClassB
{
    [Fact(Timeout = 10_000)]
    public Task Meets_class_A() => Meeting.OfClasses.AsSecondAsync("class B", TestContext.Current.CancellationToken);
}

public sealed class OneClass
{
    [Fact(Timeout = 10_000)]
    public Task First() => Meeting.InOneClass.AsFirstAsync("test 1 of the class", TestContext.Current.CancellationToken);

    [Fact(Timeout = 10_000)]
    public Task Second() => Meeting.InOneClass.AsSecondAsync("test 2 of the class", TestContext.Current.CancellationToken);
}

[Collection("claim: one named collection")]
public sealed class NamedCollectionClassA
{
    [Fact(Timeout = 10_000)]
    public Task Meets_class_B() => Meeting.InOneNamedCollection.AsFirstAsync("class A of the named collection", TestContext.Current.CancellationToken);
}

[Collection("claim: one named collection")]
public sealed class NamedCollectionClassB
{
    [Fact(Timeout = 10_000)]
    public Task Meets_class_A() => Meeting.InOneNamedCollection.AsSecondAsync("class B of the named collection", TestContext.Current.CancellationToken);
}

[CollectionDefinition("claim: a collection that runs on its own", DisableParallelization = true)]
public sealed class NonParallelCollection;

[Collection("claim: a collection that runs on its own")]
public sealed class NonParallelCollectionClass
{
    [Fact(Timeout = 10_000)]
    public Task Meets_a_parallel_class() => Meeting.WithANonParallelCollection.AsFirstAsync("the class of the non-parallel collection", TestContext.Current.CancellationToken);
}

public sealed class ParallelPartnerClass
{
    [Fact(Timeout = 10_000)]
    public Task Meets_the_non_parallel_class() => Meeting.WithANonParallelCollection.AsSecondAsync("the parallel class", TestContext.Current.CancellationToken);
}

/// <summary>Subject of "ConfigureAwait: libraries, not tests" (guide § 13): which synchronization context a test runs on.</summary>
public sealed class SynchronizationContextSubjects
{
    [Fact(Timeout = 10_000)]
    public async Task Reports_its_synchronization_context()
    {
        Console.WriteLine($"[claim] synchronization context: {Describe(SynchronizationContext.Current)}");
        await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, TestContext.Current.CancellationToken);
        Console.WriteLine($"[claim] after an await: {Describe(SynchronizationContext.Current)}");
    }

    private static string Describe(SynchronizationContext? context) => context?.GetType().FullName ?? "none";
}
