using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// The point of the runtime library: a fix to the machinery reaches a project generated before it by
/// a version bump of the one version its project file names (its SDK's), with no file of the project regenerated.
/// </summary>
[Template("async-tests")]
public sealed class LibraryUpdateTests(TemplatePackage package)
{
    private const string Patched = " (patched)";

    // Pins the behaviour the patch below changes: the guard's message.
    private const string GuardMessageTest = """
        namespace Acme.Orders.Tests;

        public sealed class GuardMessageTests
        {
            [Fact(Timeout = 4_000)]
            public async Task The_guard_message_carries_the_fix()
            {
                var expired = await Assert.ThrowsAsync<TimeoutException>(
                    () => new TaskCompletionSource().Task.WaitWithinGuardAsync("the fix", TestContext.Current.CancellationToken));

                Assert.Contains("did not happen (patched).", expired.Message, StringComparison.Ordinal);
            }
        }
        """;

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task A_project_generated_with_an_earlier_library_gets_a_fix_by_changing_only_its_version()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("library-update");
        var project = await GeneratedProject.CreateAsync(package, root.Combine("Acme.Orders.Tests"), cancellationToken, "-n", "Acme.Orders.Tests", "--samples", "false");
        await project.WriteFileAsync("GuardMessageTests.cs", GuardMessageTest, cancellationToken);
        await project.BuildAsync(cancellationToken);
        await project.TestAsync(cancellationToken);
        // ExampleTests passes; the fix is not there yet.
        Assert.Equal((1, 1, 2), project.ReadTrxCounters());

        var fixedVersion = await PackPatchedLibraryAsync(root, cancellationToken);
        var projectFile = Path.Combine(project.Directory, "Acme.Orders.Tests.csproj");
        var before = await File.ReadAllTextAsync(projectFile, cancellationToken);
        // The one version a generated project names: its SDK's, which references the library at its own.
        var reference = $"""<Project Sdk="AsyncTestTemplates.Sdk/{package.Version}">""";
        Assert.Contains(reference, before, StringComparison.Ordinal);
        await File.WriteAllTextAsync(projectFile, before.Replace(reference, reference.Replace(package.Version, fixedVersion, StringComparison.Ordinal), StringComparison.Ordinal), cancellationToken);
        Directory.Delete(project.ResultsDirectory, recursive: true);

        var test = await project.TestAsync(cancellationToken);

        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Equal((2, 0, 2), project.ReadTrxCounters());
    }

    // A copy of the library's sources with one fix, packed into the run's package source under a new version.
    private async Task<string> PackPatchedLibraryAsync(TemporaryDirectory root, CancellationToken cancellationToken)
    {
        var checkout = root.Combine("patched-checkout");
        CopySources(Path.Combine(RepositoryPaths.Root, "src"), Path.Combine(checkout, "src"));
        Directory.CreateDirectory(Path.Combine(checkout, "build"));
        File.Copy(RepositoryPaths.VersionsFile, Path.Combine(checkout, "build", "Versions.props"));
        File.Copy(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"), Path.Combine(checkout, "Directory.Build.props"));
        File.Copy(Path.Combine(RepositoryPaths.Root, "build", "icon.png"), Path.Combine(checkout, "build", "icon.png"));
        // The checkout's analyzer settings apply to the library as they do in the repository.
        File.Copy(Path.Combine(RepositoryPaths.Root, ".editorconfig"), Path.Combine(checkout, ".editorconfig"));
        var guard = Path.Combine(checkout, "src", "AsyncTestTemplates.Testing", "RealTime", "RealTimeGuard.cs");
        var source = await File.ReadAllTextAsync(guard, cancellationToken);
        Assert.Contains("and it did not happen.", source, StringComparison.Ordinal);
        await File.WriteAllTextAsync(guard, source.Replace("and it did not happen.", $"and it did not happen{Patched}.", StringComparison.Ordinal), cancellationToken);

        // The SDK at the new version references the library at its version, which depends on its settings
        // package at the same version: pack all three.
        var version = package.Version + ".1";
        foreach (var project in new[] { "AsyncTestTemplates.Testing.Settings", "AsyncTestTemplates.Testing", "AsyncTestTemplates.Sdk" })
        {
            var pack = await Dotnet.RunAsync(checkout, TimeSpan.FromMinutes(5), cancellationToken,
                "pack", Path.Combine("src", project, project + ".csproj"), "-c", "Release", "-o", TestRunFolder.Packages, "-nologo", $"-p:AsyncTestTemplatesVersion={version}");
            Assert.True(pack.ExitCode == 0, pack.ToString());
        }

        return version;
    }

    private static void CopySources(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
