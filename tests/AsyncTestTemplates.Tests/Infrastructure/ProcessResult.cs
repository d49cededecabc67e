namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>What a finished command printed, and how it ended.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public string Output => StandardOutput + StandardError;

    /// <summary>Everything a failing assertion should show about this command.</summary>
    public override string ToString() =>
        $"$ {Command}\nexit code {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
