namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// The headings of docs/async-testing-guide.md that claims tests back, for
/// <c>[Trait(GuideSection.Trait, GuideSection.…)]</c>: <c>--filter-trait "Guide=…"</c> runs the proof of one section.
/// </summary>
public static class GuideSection
{
    public const string Trait = "Guide";

    public const string Configuration = "1. Configuration: limits before the first test";
    public const string Fixtures = "2. Fixtures and their scopes";
    public const string FakeTime = "3. Fake time instead of sleeping";
    public const string BackgroundWork = "4. Background work and its cancellation";
    public const string Rules = "The rules";
}
