using Xunit.v3;

namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>
/// The templates a test generates, as traits <c>Template=&lt;short name&gt;</c>, so that one
/// template's tests run alone: <c>dotnet test --project tests/AsyncTestTemplates.Tests --
/// --filter-trait Template=async-fixture</c>. On a class it applies to every test of the class,
/// on a method to that test (added to the class's). A test of the packages alone, which generates
/// no template, says so with <c>[Template]</c> (the trait <c>Template=none</c>). <c>TestCatalogueTests</c>
/// fails on an end-to-end test without the attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class TemplateAttribute(params string[] shortNames) : Attribute, ITraitAttribute
{
    public const string TraitName = "Template";

    /// <summary>The trait's value for a test that generates no template.</summary>
    public const string None = "none";

    public IReadOnlyList<string> ShortNames { get; } = shortNames;

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() =>
        (ShortNames.Count == 0 ? [None] : ShortNames).Select(shortName => new KeyValuePair<string, string>(TraitName, shortName)).ToArray();
}
