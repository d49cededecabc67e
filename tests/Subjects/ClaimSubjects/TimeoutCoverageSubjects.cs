namespace ClaimSubjects;

/// <summary>
/// Subjects of "What a test's timeout covers" (guide § 15): each class has one test with a short
/// timeout and one slow step outside the test method (four seconds, four times the timeout). A step
/// the timeout covers makes the test time out; a step it does not cover leaves the test passing.
/// </summary>
internal static class SlowStep
{
    public const int TestTimeoutMilliseconds = 1_000;

    public static TimeSpan Length { get; } = TimeSpan.FromSeconds(4);

    public static Task RunAsync(string step) =>
        Task.Delay(Length, TimeProvider.System).ContinueWith(
            _ => Console.WriteLine($"[claim] slow step done: {step}"),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    /// <summary>The test method of every subject: quick, and reading its token as xunit asks of a test with a timeout.</summary>
    public static async Task QuickTestAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, cancellationToken);
        Console.WriteLine("[claim] test method done");
    }
}

public sealed class SlowConstructor
{
    public SlowConstructor()
    {
        // A constructor cannot await: a blocking wait is the only way to make it slow.
        using var neverSet = new ManualResetEventSlim();
        neverSet.Wait(SlowStep.Length);
        Console.WriteLine("[claim] slow step done: constructor");
    }

    [Fact(Timeout = SlowStep.TestTimeoutMilliseconds)]
    public Task Quick() => SlowStep.QuickTestAsync(TestContext.Current.CancellationToken);
}

public sealed class SlowInitializeAsync : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await SlowStep.RunAsync("InitializeAsync");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact(Timeout = SlowStep.TestTimeoutMilliseconds)]
    public Task Quick() => SlowStep.QuickTestAsync(TestContext.Current.CancellationToken);
}

public sealed class SlowDisposeAsync : IAsyncLifetime
{
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await SlowStep.RunAsync("DisposeAsync");

    [Fact(Timeout = SlowStep.TestTimeoutMilliseconds)]
    public Task Quick() => SlowStep.QuickTestAsync(TestContext.Current.CancellationToken);
}

public sealed class SlowClassFixture(SlowClassFixture.Fixture fixture) : IClassFixture<SlowClassFixture.Fixture>
{
    [Fact(Timeout = SlowStep.TestTimeoutMilliseconds)]
    public Task Quick()
    {
        Assert.NotNull(fixture);
        return SlowStep.QuickTestAsync(TestContext.Current.CancellationToken);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public async ValueTask InitializeAsync() => await SlowStep.RunAsync("class fixture InitializeAsync");

        public async ValueTask DisposeAsync() => await SlowStep.RunAsync("class fixture DisposeAsync");
    }
}

[CollectionDefinition(Name)]
public sealed class SlowCollection : ICollectionFixture<SlowCollection.Fixture>
{
    public const string Name = "claim: a collection with a slow fixture";

    public sealed class Fixture : IAsyncLifetime
    {
        public async ValueTask InitializeAsync() => await SlowStep.RunAsync("collection fixture InitializeAsync");

        public async ValueTask DisposeAsync() => await SlowStep.RunAsync("collection fixture DisposeAsync");
    }
}

[Collection(SlowCollection.Name)]
public sealed class SlowCollectionFixture(SlowCollection.Fixture fixture)
{
    [Fact(Timeout = SlowStep.TestTimeoutMilliseconds)]
    public Task Quick()
    {
        Assert.NotNull(fixture);
        return SlowStep.QuickTestAsync(TestContext.Current.CancellationToken);
    }
}
