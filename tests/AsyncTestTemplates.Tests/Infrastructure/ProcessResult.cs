namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>What a finished command printed, and how it ended.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public string Output => StandardOutput + StandardError;

    /// <summary>MSBuild diagnostics of warning level (<c>file(1,2): warning XY123: …</c>), one per line.</summary>
    public IReadOnlyList<string> WarningLines =>
        Output.Split('\n').Where(line => line.Contains(": warning ", StringComparison.Ordinal)).Distinct().ToList();

    /// <summary>Everything a failing assertion should show about this command.</summary>
    public override string ToString() =>
        $"$ {Command}\nexit code {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
