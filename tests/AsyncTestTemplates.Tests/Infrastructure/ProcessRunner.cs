using System.Diagnostics;
using System.Text;

namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>Runs a command to completion with a hard time limit, capturing its output.</summary>
public static class ProcessRunner
{
    // Variables that the outer `dotnet test` sets for itself and that would steer a nested
    // dotnet/msbuild/test run the wrong way.
    private static readonly string[] InheritedPrefixesToDrop = ["MSBUILD", "MSBuild", "VSTEST", "TESTINGPLATFORM", "DOTNET_TEST"];

    public static Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeLimit,
        CancellationToken cancellationToken) =>
        RunAsync(fileName, arguments, workingDirectory, timeLimit, new Dictionary<string, string?>(), cancellationToken);

    /// <summary>Runs the command with <paramref name="environment"/> on top of this process's (a null value removes a variable).</summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeLimit,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in startInfo.Environment.Keys.Where(k => InheritedPrefixesToDrop.Any(k.StartsWith)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        // A developer's machine unless the test says otherwise (CiEnvironment.OnCi), wherever these tests run.
        foreach (var name in CiEnvironment.Variables)
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        // No build servers or reused nodes: they would outlive the command and keep its output
        // pipes open, and nothing from one test's build may leak into another's.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["UseSharedCompilation"] = "false";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var command = $"{fileName} {string.Join(' ', startInfo.ArgumentList.Select(Quote))}";
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);

        var started = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException(
                $"Killed after {elapsed.TotalSeconds:0} s (limit {timeLimit.TotalSeconds:0} s):\n{new ProcessResult(command, -1, Read(stdout), Read(stderr), elapsed)}");
        }

        return new ProcessResult(command, process.ExitCode, Read(stdout), Read(stderr), Stopwatch.GetElapsedTime(started));
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"') ? argument : $"\"{argument.Replace("\"", "\\\"")}\"";
}
