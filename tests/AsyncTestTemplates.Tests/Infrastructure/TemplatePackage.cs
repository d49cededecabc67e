using System.Text.RegularExpressions;

[assembly: AssemblyFixture(typeof(AsyncTestTemplates.Tests.Infrastructure.TemplatePackage))]

namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>
/// The real package, packed from this checkout once per test run and installed into an isolated
/// template hive, so that tests see exactly what a user gets and nothing of the machine's own
/// installed templates.
/// </summary>
public sealed partial class TemplatePackage : IAsyncLifetime
{
    private readonly TemporaryDirectory _root = new("package");

    public string PackagePath { get; private set; } = "";

    /// <summary>What <c>dotnet pack</c> of this checkout printed (template validation runs in it).</summary>
    public ProcessResult? Pack { get; private set; }

    public string HivePath => _root.Combine("hive");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var output = _root.Combine("nupkg");
        var pack = await Dotnet.RunAsync(RepositoryPaths.Root, TimeSpan.FromMinutes(5), cancellationToken,
            "pack", RepositoryPaths.PackProject, "-c", "Release", "-o", output, "-nologo");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"Packing the templates failed.\n{pack}");
        }

        Pack = pack;

        PackagePath = Directory.GetFiles(output, "AsyncTestTemplates.*.nupkg").Single();

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

    public ValueTask DisposeAsync()
    {
        _root.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"validation errors|\[Error\]|Error:", RegexOptions.IgnoreCase)]
    private static partial Regex InstallProblem();
}
