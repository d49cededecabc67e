namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>The real <c>dotnet</c> CLI, as a user runs it.</summary>
public static class Dotnet
{
    public static Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeLimit, CancellationToken cancellationToken, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", arguments, workingDirectory, timeLimit, cancellationToken);

    /// <summary>As <see cref="RunAsync(string, TimeSpan, CancellationToken, string[])"/>, with variables set (or, when null, removed) for the command.</summary>
    public static Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeLimit, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", arguments, workingDirectory, timeLimit, environment, cancellationToken);
}
