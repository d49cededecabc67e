namespace AsyncTestTemplates.Testing;

/// <summary>
/// Where the run guard's and the hang report's lines go, so that each reaches the console once.
/// </summary>
/// <remarks>
/// Measured with a generated project (issue #26): under Microsoft.Testing.Platform standard error
/// reaches the console (and <c>dotnet test</c>'s "Error output"), and xunit's diagnostic messages are
/// printed too when the test executable is run directly, so writing both printed every line twice.
/// Under VSTest only the diagnostic messages reach the console while the run goes on, and standard
/// error is shown once, as the reason the test host "crashed", when the process ends itself. So:
/// standard error under Microsoft.Testing.Platform; under VSTest the diagnostic message for a line
/// while the run goes on (when the caller asks for it) and standard error for the last line. Where
/// the runner cannot be told (VSTest's host is read from /proc, Linux only), both.
/// </remarks>
internal static class GuardOutput
{
    private static readonly Lazy<bool?> UnderVsTest = new(() =>
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        using var host = VsTestHost.FindParent();
        return host is not null;
    });

    /// <summary>A line while the run goes on.</summary>
    /// <param name="message">The line.</param>
    /// <param name="diagnosticUnderVsTest">Under VSTest, send it as xunit's diagnostic message (what the console shows live) instead of writing it to standard error.</param>
    public static void Say(string message, bool diagnosticUnderVsTest)
    {
        var underVsTest = UnderVsTest.Value;
        if (underVsTest is not true || !diagnosticUnderVsTest)
        {
            Console.Error.WriteLine(message);
        }

        if (diagnosticUnderVsTest && underVsTest is not false)
        {
            TestContext.Current.SendDiagnosticMessage(message);
        }
    }

    /// <summary>The last line before the process ends itself: standard error, which every runner shows then.</summary>
    public static void SayFinal(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.Flush();
    }
}
