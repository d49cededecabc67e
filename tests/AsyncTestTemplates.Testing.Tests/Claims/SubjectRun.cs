namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>How a run of one subject class ended: its exit code and everything it printed.</summary>
public sealed record SubjectRun(string SubjectClass, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>Microsoft.Testing.Platform's exit code for "at least one test failed".</summary>
    public const int TestsFailed = 2;

    /// <summary>Everything a failing assertion should show about the run.</summary>
    public override string ToString() =>
        $"run of ClaimSubjects.{SubjectClass}: exit code {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n{Output}";
}
