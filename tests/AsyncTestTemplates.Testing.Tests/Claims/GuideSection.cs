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
    public const string Signals = "10. Signals: TaskCompletionSource";
    public const string ValueTasks = "11. ValueTask: awaited once";
    public const string Cancellation = "12. Asserting cancellation";
    public const string ConfigureAwait = "13. ConfigureAwait: libraries, not tests";
    public const string Parallelism = "14. Parallel tests and what they share";
    public const string TimeoutCoverage = "15. What a test's timeout covers";
    public const string AsyncStreams = "16. Async streams and their cancellation";
    public const string Rules = "The rules";
}
