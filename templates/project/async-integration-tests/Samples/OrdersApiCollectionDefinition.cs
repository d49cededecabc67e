namespace AsyncTestsNamespace.Samples;

/// <summary>
/// The tests that share one <see cref="OrdersApiFixture"/>: they run one after another, each
/// starting from an empty app (see <see cref="AppFixture"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class OrdersApiCollectionDefinition : ICollectionFixture<OrdersApiFixture>
{
    public const string Name = "Orders API";
}
