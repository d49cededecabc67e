namespace AsyncTestsNamespace;

/// <summary>
/// The tests that share one <see cref="ExampleApiFixture"/>: they run one after another, each
/// starting from an empty app (see <see cref="AppFixture"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ExampleApiCollectionDefinition : ICollectionFixture<ExampleApiFixture>
{
    public const string Name = "Example API";
}
