namespace AsyncTestsNamespace;

/// <summary>
/// The tests that share one <see cref="ApiFixture"/>: they run one after another, each starting
/// from an empty app (see <see cref="AppFixture"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiCollectionDefinition : ICollectionFixture<ApiFixture>
{
    public const string Name = "API under test";
}
