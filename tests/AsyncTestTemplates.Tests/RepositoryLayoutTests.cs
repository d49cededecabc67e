using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests;

/// <summary>The repository must clone anywhere, Windows user folders included.</summary>
public sealed class RepositoryLayoutTests
{
    // A clone under C:\Users\<name>\source\repos\<repository>\ spends about 60 of Windows' 260
    // characters before the repository's own path starts; 160 leaves room for longer folders.
    private const int MaximumPathLength = 160;

    [Fact(Timeout = 60_000)]
    public async Task Every_tracked_path_is_at_most_160_characters_of_ASCII_without_spaces()
    {
        var paths = await TrackedPathsAsync(TestContext.Current.CancellationToken);

        var offending = paths
            .Where(path => path.Length > MaximumPathLength || path.Any(c => c > '~' || char.IsWhiteSpace(c) || char.IsControl(c)))
            .Select(path => $"{path.Length,4} {path}")
            .ToList();

        Assert.True(paths.Count > 100, $"Only {paths.Count} tracked paths found under {RepositoryPaths.Root}.");
        Assert.True(offending.Count == 0, $"Paths longer than {MaximumPathLength} characters, non-ASCII or with spaces:\n{string.Join('\n', offending)}");
    }

    [Fact(Timeout = 60_000)]
    public async Task The_solution_lists_every_project_of_the_repository()
    {
        var projects = (await TrackedPathsAsync(TestContext.Current.CancellationToken))
            .Where(path => path.EndsWith(".csproj", StringComparison.Ordinal))
            // Template sources and their snapshots are generated projects' files, not this repository's projects.
            .Where(path => !path.StartsWith("templates/", StringComparison.Ordinal) && !path.Contains("/Snapshots/", StringComparison.Ordinal));
        var solution = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "AsyncTestTemplates.slnx"), TestContext.Current.CancellationToken);

        Assert.All(projects, project => Assert.Contains($"Path=\"{project}\"", solution, StringComparison.Ordinal));
    }

    /// <summary>
    /// What git tracks; without a git checkout (a downloaded archive) every file outside build output,
    /// which is a superset of what would be tracked.
    /// </summary>
    private static async Task<IReadOnlyList<string>> TrackedPathsAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(Path.Combine(RepositoryPaths.Root, ".git")) || File.Exists(Path.Combine(RepositoryPaths.Root, ".git")))
        {
            // -z: paths exactly as stored, without git's quoting of non-ASCII characters.
            var listed = await ProcessRunner.RunAsync("git", ["-c", "core.quotePath=false", "ls-files", "-z"], RepositoryPaths.Root, TimeSpan.FromSeconds(30), cancellationToken);
            Assert.True(listed.ExitCode == 0, listed.ToString());
            return listed.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        string[] buildOutput = ["bin", "obj", "TestResults", "artifacts", ".git"];
        return Directory.EnumerateFiles(RepositoryPaths.Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(file => Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(buildOutput.Contains) && !path.Contains(".received/", StringComparison.Ordinal))
            .ToList();
    }
}
