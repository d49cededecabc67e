namespace AsyncTestTemplates.Verification;

/// <summary>Runs <c>dotnet new</c> with a template installed (the pack's tests: an isolated hive with the packed templates).</summary>
public interface ITemplateEngine
{
    /// <summary><c>dotnet new &lt;arguments&gt;</c> in <paramref name="workingDirectory"/>.</summary>
    Task<EngineRun> NewAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}

/// <summary>How a <c>dotnet new</c> ended and what it printed; <see cref="Description"/> is what a failure shows of it.</summary>
public sealed record EngineRun(int ExitCode, string StandardOutput, string StandardError, string Description)
{
    public override string ToString() => Description;
}
