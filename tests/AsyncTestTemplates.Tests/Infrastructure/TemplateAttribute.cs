using Xunit.v3;

namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>
/// The templates a test generates, as traits <c>Template=&lt;short name&gt;</c>, so that one
/// template's tests run alone: <c>dotnet test --project tests/AsyncTestTemplates.Tests --
/// --filter-trait Template=async-fixture</c>. On a class it applies to every test of the class,
/// on a method to that test (added to the class's). <c>TestCatalogueTests</c> fails on an
/// end-to-end test without one.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class TemplateAttribute(params string[] shortNames) : Attribute, ITraitAttribute
{
    public const string TraitName = "Template";

    public IReadOnlyList<string> ShortNames { get; } = shortNames;

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() =>
        ShortNames.Select(shortName => new KeyValuePair<string, string>(TraitName, shortName)).ToArray();
}
