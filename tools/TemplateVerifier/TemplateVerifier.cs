using System.Text;
using System.Text.RegularExpressions;

namespace AsyncTestTemplates.Verification;

/// <summary>
/// Snapshot verification of template output, after Microsoft.TemplateEngine.Authoring.TemplateVerifier
/// (not served by the registry here): the real <c>dotnet new</c> in an empty working folder against
/// an isolated hive, the output compared with <c>Snapshots/&lt;TemplateName&gt;/&lt;scenario&gt;/</c>,
/// and on a mismatch a <c>&lt;scenario&gt;.received/</c> folder beside it plus a per-file diff.
/// </summary>
/// <remarks>
/// Inside a scenario folder the layout is the upstream verifier's (the generated files under
/// <c>&lt;TemplateName&gt;/</c>, what <c>dotnet new</c> printed under <c>std-streams/</c>), plus
/// <c>command.txt</c>, the command line. Upstream appends every argument to the folder name; here the
/// scenario's short name is the folder, so that paths stay short enough for a Windows clone.
/// <para>
/// Set the environment variable <see cref="AcceptVariable"/> to 1 to accept what was received as
/// the new verified snapshot (upstream has no auto-accept; this is our explicit opt-in).
/// </para>
/// </remarks>
/// <param name="engine">Runs <c>dotnet new</c> with the templates installed.</param>
/// <param name="workingRoot">Where each verification makes its empty working folder (and deletes it after).</param>
/// <param name="report">Told what an accepted snapshot changed.</param>
public sealed partial class TemplateVerifier(ITemplateEngine engine, string workingRoot, Action<string>? report = null)
{
    public const string AcceptVariable = "ACCEPT_TEMPLATE_SNAPSHOTS";

    private static readonly string[] ExcludedDirectories = ["bin", "obj"];
    private static readonly string[] ExcludedExtensions = [".exe", ".dll"];

    public async Task VerifyAsync(TemplateVerifierOptions options, CancellationToken cancellationToken)
    {
        var working = Directory.CreateDirectory(Path.Combine(workingRoot, $"verify-{Path.GetRandomFileName()}")).FullName;
        try
        {
            await VerifyInAsync(working, options, cancellationToken);
        }
        finally
        {
            try
            {
                DeleteDirectory(working);
            }
            catch (IOException)
            {
                // A process the engine started may still hold a file; the OS cleans temp folders eventually.
            }
        }
    }

    private async Task VerifyInAsync(string workingDirectory, TemplateVerifierOptions options, CancellationToken cancellationToken)
    {
        var arguments = WithNameAndOutput(options);
        var result = await engine.NewAsync(workingDirectory, [options.TemplateName, .. arguments], cancellationToken);
        if (result.ExitCode != options.ExpectedExitCode)
        {
            throw new TemplateVerificationException(ToErrorCode(result.ExitCode), $"'dotnet new' ended with {result.ExitCode}, expected {options.ExpectedExitCode}.\n{result}");
        }

        var received = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [CommandFile] = CommandLine(options) + "\n",
        };
        var output = Path.Combine(workingDirectory, OutputFolder(arguments));
        if (Directory.Exists(output))
        {
            foreach (var file in GeneratedFiles(output))
            {
                var relative = $"{options.TemplateName}/{PortablePath(Path.GetRelativePath(output, file))}";
                received[relative] = await File.ReadAllTextAsync(file, cancellationToken);
            }
        }

        if (options.VerifyCommandOutput)
        {
            received["std-streams/stdout.txt"] = result.StandardOutput;
            received["std-streams/stderr.txt"] = result.StandardError;
        }

        foreach (var path in received.Keys.ToList())
        {
            received[path] = Scrub(path, received[path], workingDirectory, options);
        }

        // Checked before the comparison, so that accepting snapshots cannot accept them either.
        var leftovers = received.Where(file => file.Key.StartsWith(options.TemplateName + "/", StringComparison.Ordinal))
            .SelectMany(file => LeftoverDirectives.In(file.Key, file.Value)).ToList();
        if (leftovers.Count > 0)
        {
            throw new TemplateVerificationException(
                TemplateVerificationErrorCode.VerificationFailed,
                $"Template conditionals reached the output of {options.TemplateName} (the engine did not process this file type):\n{string.Join('\n', leftovers)}");
        }

        await CompareAsync(options, received, cancellationToken);
    }

    /// <summary>The file, inside each snapshot, that records the command line.</summary>
    public const string CommandFile = "command.txt";

    /// <summary>The verified snapshot's folder, relative to the snapshots folder: <c>&lt;template&gt;/&lt;scenario&gt;</c>.</summary>
    public static string SnapshotName(TemplateVerifierOptions options)
    {
        var scenario = options.ScenarioName ?? "_";
        if (!ValidScenarioName().IsMatch(scenario))
        {
            throw new ArgumentException($"Scenario name '{scenario}' must be lower-case ASCII letters, digits and dashes: it names a folder in every clone.", nameof(options));
        }

        return $"{options.TemplateName}/{scenario}";
    }

    /// <summary>The command line a scenario runs, as a user would type it (arguments with spaces quoted).</summary>
    public static string CommandLine(TemplateVerifierOptions options) =>
        string.Join(' ', new[] { "dotnet", "new", options.TemplateName }.Concat(options.TemplateArgs.Select(Quote)));

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? argument : $"\"{argument.Replace("\"", "\\\"")}\"";

    [GeneratedRegex("^(_|[a-z0-9]+(-[a-z0-9]+)*)$")]
    private static partial Regex ValidScenarioName();

    private async Task CompareAsync(TemplateVerifierOptions options, IReadOnlyDictionary<string, string> received, CancellationToken cancellationToken)
    {
        var name = SnapshotName(options);
        var verifiedDirectory = Path.Combine(options.SnapshotsDirectory, name);
        var receivedDirectory = Path.Combine(options.SnapshotsDirectory, name + ".received");
        var verified = await ReadSnapshotAsync(verifiedDirectory, cancellationToken);
        var differences = SnapshotComparison.Describe(verified, received);

        DeleteDirectory(receivedDirectory);
        if (differences.Length == 0)
        {
            return;
        }

        if (options.AcceptChanges)
        {
            DeleteDirectory(verifiedDirectory);
            await WriteSnapshotAsync(verifiedDirectory, received, cancellationToken);
            report?.Invoke($"Accepted snapshot {name}:\n{differences}");
            return;
        }

        await WriteSnapshotAsync(receivedDirectory, received, cancellationToken);
        throw new TemplateVerificationException(
            TemplateVerificationErrorCode.VerificationFailed,
            $"Snapshot {name} does not match (received output is in {receivedDirectory}; set {AcceptVariable}=1 to accept it):\n{differences}");
    }

    /// <summary>
    /// A generated file's path as stored in a snapshot: '/' separators, and a name with non-ASCII
    /// characters or spaces (a project named <c>2024-Ünïcode.Tests</c>) percent-escaped, so that every
    /// committed path stays portable; the file's content is kept as generated.
    /// </summary>
    public static string PortablePath(string relativePath) =>
        string.Join('/', relativePath.Split(Path.DirectorySeparatorChar, '/').Select(segment =>
            segment.All(c => c is > ' ' and <= '~' && c != '%') ? segment : Uri.EscapeDataString(segment)));

    private static List<string> WithNameAndOutput(TemplateVerifierOptions options)
    {
        var arguments = options.TemplateArgs.ToList();
        var hasOutput = arguments.Any(a => a is "-o" or "--output");
        var hasName = arguments.Any(a => a is "-n" or "--name");
        if (!hasName && !hasOutput)
        {
            arguments.AddRange(["-n", options.TemplateName]);
        }

        if (!hasOutput)
        {
            arguments.AddRange(["-o", options.TemplateName]);
        }

        return arguments;
    }

    private static string OutputFolder(List<string> arguments)
    {
        var index = arguments.FindIndex(a => a is "-o" or "--output");
        return arguments[index + 1];
    }

    private static IEnumerable<string> GeneratedFiles(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(file => !Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(ExcludedDirectories.Contains))
            .Where(file => !ExcludedExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase));

    private static string Scrub(string path, string content, string workingDirectory, TemplateVerifierOptions options)
    {
        var text = content.Replace("\r\n", "\n")
            .Replace(workingDirectory, "{WorkingDirectory}")
            .Replace(Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar), "{TempPath}");
        return options.Scrubbers.Aggregate(text, (current, scrub) => scrub(path, current));
    }

    private static async Task<Dictionary<string, string>> ReadSnapshotAsync(string directory, CancellationToken cancellationToken)
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return snapshot;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            snapshot[Path.GetRelativePath(directory, file).Replace('\\', '/')] =
                (await File.ReadAllTextAsync(file, cancellationToken)).Replace("\r\n", "\n");
        }

        return snapshot;
    }

    private static async Task WriteSnapshotAsync(string directory, IReadOnlyDictionary<string, string> snapshot, CancellationToken cancellationToken)
    {
        foreach (var (relative, text) in snapshot)
        {
            var path = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken);
        }
    }

    private static void DeleteDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static TemplateVerificationErrorCode ToErrorCode(int exitCode) => exitCode switch
    {
        73 => TemplateVerificationErrorCode.WorkingDirectoryExists,
        103 => TemplateVerificationErrorCode.TemplateDoesNotExist,
        106 => TemplateVerificationErrorCode.InstallFailed,
        127 => TemplateVerificationErrorCode.InvalidOption,
        _ => TemplateVerificationErrorCode.InstantiationFailed,
    };
}
