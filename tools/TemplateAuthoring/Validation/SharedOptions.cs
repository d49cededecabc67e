namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// The option vocabulary every template of the pack shares (docs/project-options.md): the symbol name in
/// template.json and the long name on the command line. A template that has one of these must
/// spell it so and give it the same type and default as every other template that has it; templates
/// of one kind (project or item) give it the same whole definition, but for the texts of an option
/// whose meaning is the template's own (<see cref="OwnDescription"/>).
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
        ("addToSolution", "add-to-solution"),
        ("skipRestore", "no-restore"),
        ("xunit", "xunit"),
        ("namespace", "namespace"),
        ("helpers", "helpers"),
    ];

    /// <summary>
    /// Options whose descriptions (its own and its choices') say what this template does with them:
    /// <c>--samples</c> names the template's samples, <c>--sut</c> the first test it adds.
    /// </summary>
    public static IReadOnlySet<string> OwnDescription { get; } = new HashSet<string>(StringComparer.Ordinal)
        { "samples", "sut", "helpers", "xunit" };

    /// <summary>
    /// Options whose default is one per kind of template (project, item) rather than one for the pack:
    /// <c>--analyzers</c> makes a new project's rules errors, while an item added to an existing project
    /// reports what the rules find in code it already has, so that a project that built keeps building.
    /// </summary>
    public static IReadOnlySet<string> DefaultPerKind { get; } = new HashSet<string>(StringComparer.Ordinal)
        { "analyzers" };

    /// <summary>
    /// Symbols whose definition is each template's own: the capabilities a template declares (which
    /// the shared project file branches on), and the item templates' type name, whose last step is the
    /// template's default name.
    /// </summary>
    public static IReadOnlySet<string> OwnDefinition { get; } = new HashSet<string>(StringComparer.Ordinal)
        { "SubstituteSamples", "WebAppTests", "ProjectHostTests", "typeName" };
}
