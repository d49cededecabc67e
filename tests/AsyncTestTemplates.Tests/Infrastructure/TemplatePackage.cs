using System.Text.RegularExpressions;
using AsyncTestTemplates.Verification;

[assembly: AssemblyFixture(typeof(AsyncTestTemplates.Tests.Infrastructure.TemplatePackage))]

namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>
/// The real packages, packed from this checkout once per test run (the templates, and the runtime
/// packages the generated projects reference, into the run's package source), the templates
/// installed into an isolated template hive, so that tests see exactly what a user gets and
/// nothing of the machine's own installed templates.
/// </summary>
/// <remarks>
/// Each run packs a version of its own (<see cref="Version"/>): the global package cache keeps the
/// first copy of a version it restored, so a library repacked under the same version would never
/// reach the projects of a later run.
/// </remarks>
public sealed partial class TemplatePackage : IAsyncLifetime, ITemplateEngine
{
    private readonly TemporaryDirectory _root = new("package");

    public string PackagePath { get; private set; } = "";

    /// <summary>The version every package was packed with, unique to this run.</summary>
    public string Version { get; } = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    /// <summary>
    /// The runtime packages packed with the templates, each depending on the one before it: the
    /// settings package (build files and analyzers), the core library, the hosting package, the
    /// ASP.NET Core package; and the project SDK the generated projects name, which references the
    /// core library.
    /// </summary>
    public static IReadOnlyList<string> RuntimePackageIds { get; } =
        ["AsyncTestTemplates.Testing.Settings", "AsyncTestTemplates.Testing", "AsyncTestTemplates.Testing.Hosting", "AsyncTestTemplates.Testing.AspNetCore", "AsyncTestTemplates.Sdk"];

    /// <summary>The packed file of runtime package <paramref name="id"/> (one of <see cref="RuntimePackageIds"/>).</summary>
    public string RuntimePackagePath(string id) => Path.Combine(TestRunFolder.Packages, $"{id}.{Version}.nupkg");

    /// <summary>The core runtime library package packed with the templates.</summary>
    public string LibraryPackagePath => RuntimePackagePath("AsyncTestTemplates.Testing");

    /// <summary>The settings package (build files and analyzers only) the library depends on, which xunit v2 projects get alone.</summary>
    public string SettingsPackagePath => Path.Combine(TestRunFolder.Packages, $"AsyncTestTemplates.Testing.Settings.{Version}.nupkg");

    /// <summary>What <c>dotnet pack</c> of this checkout printed (template validation runs in it).</summary>
    public ProcessResult? Pack { get; private set; }

    public string HivePath => _root.Combine("hive");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var output = TestRunFolder.Packages;
        var pack = await Dotnet.RunAsync(RepositoryPaths.Root, TimeSpan.FromMinutes(5), cancellationToken,
            "pack", RepositoryPaths.PackProject, "-c", "Release", "-o", output, "-nologo", $"-p:AsyncTestTemplatesVersion={Version}");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"Packing the templates failed.\n{pack}");
        }

        Pack = pack;

        PackagePath = Path.Combine(output, $"AsyncTestTemplates.{Version}.nupkg");
        var missing = RuntimePackageIds.Select(RuntimePackagePath).Prepend(PackagePath).Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Packing did not write {string.Join(", ", missing.Select(Path.GetFileName))}.\n{pack}");
        }

        // `dotnet new install` exits 0 even when a template is invalid: read what it printed.
        var install = await Dotnet.RunAsync(_root.Path, TimeSpan.FromMinutes(2), cancellationToken,
            "new", "install", PackagePath, "--debug:custom-hive", HivePath);
        if (install.ExitCode != 0 || !install.StandardOutput.Contains("Success:") || InstallProblem().IsMatch(install.Output))
        {
            throw new InvalidOperationException($"Installing the package failed.\n{install}");
        }
    }

    /// <summary>Runs <c>dotnet new</c> against the isolated hive.</summary>
    public Task<ProcessResult> NewAsync(string workingDirectory, CancellationToken cancellationToken, params string[] arguments) =>
        Dotnet.RunAsync(workingDirectory, TimeSpan.FromMinutes(3), cancellationToken,
            ["new", .. arguments, "--debug:custom-hive", HivePath, "--no-update-check"]);

    /// <summary>As <see cref="NewAsync(string, CancellationToken, string[])"/>, with variables set for this one process (DOTNET_CLI_UI_LANGUAGE, say).</summary>
    public Task<ProcessResult> NewAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken, params string[] arguments) =>
        Dotnet.RunAsync(workingDirectory, TimeSpan.FromMinutes(3), environment, cancellationToken,
            ["new", .. arguments, "--debug:custom-hive", HivePath, "--no-update-check"]);

    /// <summary>The snapshot verifier, on this package's templates, working in this run's folder.</summary>
    public TemplateVerifier Verifier => new(this, TestRunFolder.Root, message => TestContext.Current.SendDiagnosticMessage(message));

    async Task<EngineRun> ITemplateEngine.NewAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await NewAsync(workingDirectory, cancellationToken, [.. arguments]);
        return new EngineRun(result.ExitCode, result.StandardOutput, result.StandardError, result.ToString());
    }

    public ValueTask DisposeAsync()
    {
        _root.Dispose();
        // This run's runtime package versions (a patched one too) are of no use to any later restore: keep the package cache small.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        try
        {
            foreach (var cache in RuntimePackageIds.Select(id => Path.Combine(packages, id.ToLowerInvariant())).Where(Directory.Exists))
            {
                foreach (var cached in Directory.GetDirectories(cache, Version + "*"))
                {
                    Directory.Delete(cached, recursive: true);
                }
            }

            Directory.Delete(TestRunFolder.Root, recursive: true);
        }
        catch (IOException)
        {
            // A process we started may still hold a file; the OS cleans temp folders eventually.
        }

        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"validation errors|\[Error\]|Error:", RegexOptions.IgnoreCase)]
    private static partial Regex InstallProblem();
}
