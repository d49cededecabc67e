namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// The option vocabulary every template of the pack shares (docs/project-options.md): the symbol name in
/// template.json and the long name on the command line. A template that has one of these must
/// spell it so and give it the same type and default as every other template that has it.
/// </summary>
public static class SharedOptions
{
    public static IReadOnlyList<(string Symbol, string LongName)> All { get; } =
    [
        ("Framework", "framework"),
        ("runner", "runner"),
        ("coverage", "coverage"),
        ("testTimeout", "test-timeout"),
        ("sessionTimeout", "session-timeout"),
        ("hangTimeout", "hang-timeout"),
        ("analyzers", "analyzers"),
        ("samples", "samples"),
        ("sut", "sut"),
        ("skipRestore", "no-restore"),
    ];
}
