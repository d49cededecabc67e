namespace AsyncTestTemplates.Testing.Analyzers;

/// <summary>Where each rule is explained: a section of the async testing guide.</summary>
/// <remarks>
/// Roslyn takes a help link as a plain string and checks nothing, so the links are relative to the
/// repository root. Editors that only follow absolute links show them as text. To point the rules at a
/// published copy of the guide, change <see cref="Guide"/>: it is the only place that names the file.
/// </remarks>
internal static class HelpLinks
{
    public const string Guide = "docs/async-testing-guide.md";

    public const string TestWithoutTimeout = Guide + "#12-a-test-without-a-timeout";

    public const string UnobservedTaskLocal = Guide + "#13-a-task-kept-in-a-variable-and-never-awaited";
}
