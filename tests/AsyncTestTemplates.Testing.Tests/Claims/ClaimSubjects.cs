using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Runs one class of tests/Subjects/ClaimSubjects (deliberately failing xunit tests) in a test process of its
/// own, with a hard real-time limit, and returns how the run ended.
/// </summary>
public static class ClaimSubjects
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    // Set by the outer test run for itself; they would steer the subject's run the wrong way.
    private static readonly string[] InheritedPrefixesToDrop = ["TESTINGPLATFORM", "DOTNET_TEST", "VSTEST", "MSBUILD"];

    /// <summary>The subject assembly this project's build put beside the subject project (see the csproj).</summary>
    public static string Assembly { get; } =
        typeof(ClaimSubjects).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ClaimSubjectsAssembly").Value!;

    /// <summary>Runs the tests of <c>ClaimSubjects.<paramref name="subjectClass"/></c>.</summary>
    public static Task<SubjectRun> RunAsync(string subjectClass, CancellationToken cancellationToken) =>
        RunAsync([subjectClass], [], cancellationToken);

    /// <summary>
    /// Runs the tests of the <paramref name="subjectClasses"/> (each <c>ClaimSubjects.</c>name) in one run,
    /// with <paramref name="options"/> added to the command line (xunit's, such as <c>--parallel none</c>).
    /// </summary>
    public static async Task<SubjectRun> RunAsync(IReadOnlyList<string> subjectClasses, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjectClasses);
        ArgumentNullException.ThrowIfNull(options);
        var subjectClass = string.Join(" + ", subjectClasses) + (options.Count > 0 ? " " + string.Join(' ', options) : "");
        Assert.True(File.Exists(Assembly), $"{Assembly} is missing: building this project builds tests/Subjects/ClaimSubjects too.");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Assembly);
        foreach (var name in subjectClasses)
        {
            startInfo.ArgumentList.Add("--filter-class");
            startInfo.ArgumentList.Add($"ClaimSubjects.{name}");
        }

        foreach (var argument in options.Concat(["--no-ansi", "--no-progress"]))
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in startInfo.Environment.Keys.Where(name => InheritedPrefixesToDrop.Any(name.StartsWith)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var started = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException($"The run of {subjectClass} was killed after {TimeLimit.TotalSeconds:0} s:\n{Read(output)}");
        }

        // The exit event can come before the last redirected line: wait for the streams to end.
        await process.WaitForExitAsync(CancellationToken.None);
        return new SubjectRun(subjectClass, process.ExitCode, Read(output), Stopwatch.GetElapsedTime(started));
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is not null)
        {
            lock (buffer)
            {
                buffer.Append(line).Append('\n');
            }
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
