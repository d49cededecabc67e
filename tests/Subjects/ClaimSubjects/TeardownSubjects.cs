namespace ClaimSubjects;

/// <summary>Subject of "Bound the setup, survive the teardown" (guide § 2): the test passes, its fixture's teardown throws.</summary>
public sealed class TeardownSubjects(TeardownSubjects.ThrowingTeardown fixture) : IClassFixture<TeardownSubjects.ThrowingTeardown>
{
    [Fact]
    public void Passes_before_its_fixture_fails() => Assert.NotNull(fixture);

    public sealed class ThrowingTeardown : IAsyncLifetime
    {
        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => throw new InvalidOperationException("[claim] teardown failed");
    }
}
