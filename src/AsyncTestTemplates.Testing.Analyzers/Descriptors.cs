using Microsoft.CodeAnalysis;

namespace AsyncTestTemplates.Testing.Analyzers;

/// <summary>The rules' descriptors. Warnings by default: generated projects make them errors by id.</summary>
internal static class Descriptors
{
    public static DiagnosticDescriptor TestWithoutTimeout { get; } = new(
        DiagnosticIds.TestWithoutTimeout,
        title: "An async test needs a timeout",
        messageFormat: "Test '{0}' has no timeout: set Timeout on its attribute, as in [Fact(Timeout = TestTimeouts.Default)]",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description:
            "xunit v3 has no project-wide timeout: an async test without one hangs the run instead of failing. "
            + "Set Timeout on [Fact] or [Theory] (or on every data row of a theory); when it expires xunit fails the test "
            + "and cancels TestContext.Current.CancellationToken. Not reported for skipped tests or synchronous tests "
            + "(xunit v3 fails a synchronous test that has a Timeout). To opt a test out on purpose, suppress the rule "
            + "where it stands: [SuppressMessage(\"Reliability\", \"ATA1001\", Justification = \"...\")] or #pragma warning disable ATA1001.",
        helpLinkUri: HelpLinks.TestWithoutTimeout);

    public static DiagnosticDescriptor UnobservedTaskLocal { get; } = new(
        DiagnosticIds.UnobservedTaskLocal,
        title: "A task started by a test is never awaited",
        messageFormat: "The task in '{0}' is never awaited, returned or passed on: its failure is lost and it may outlive the test",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description:
            "A test stores a started task in a local variable and never reads that variable again. Nothing observes "
            + "the task: an exception it throws fails no test, and it may still run when the next test starts. "
            + "Await it (bounded by the test's token), or hand it to what waits for it.",
        helpLinkUri: HelpLinks.UnobservedTaskLocal);
}
