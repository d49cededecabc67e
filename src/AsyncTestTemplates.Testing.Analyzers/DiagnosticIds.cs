namespace AsyncTestTemplates.Testing.Analyzers;

/// <summary>The rule ids, for <c>WarningsAsErrors</c>, <c>#pragma</c> and <c>[SuppressMessage]</c>.</summary>
public static class DiagnosticIds
{
    /// <summary>An async xunit v3 test without a timeout.</summary>
    public const string TestWithoutTimeout = "ATA1001";

    /// <summary>A task kept in a local variable of a test and never used again.</summary>
    public const string UnobservedTaskLocal = "ATA1002";
}
