
namespace AsyncTestTemplates.Authoring.Tests.Repository;

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

    [Fact(Timeout = 60_000)]
    public async Task CONTRIBUTING_s_layout_names_every_folder_and_script_and_only_what_exists()
    {
        var contributing = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "CONTRIBUTING.md"), TestContext.Current.CancellationToken)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var section = contributing[contributing.IndexOf("## Layout", StringComparison.Ordinal)..];
        var block = section[(section.IndexOf("```\n", StringComparison.Ordinal) + 4)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        var paths = await TrackedPathsAsync(TestContext.Current.CancellationToken);

        // Every top-level folder, every project folder and every script is on the map.
        var expected = paths.Where(path => path.Contains('/', StringComparison.Ordinal) && !path.StartsWith('.'))
            .Select(path => path.Split('/'))
            .SelectMany(parts => parts[0] is "src" or "tools" or "tests" ? [parts[0] + "/", $"{parts[0]}/{parts[1]}/"] : (string[])[parts[0] + "/"])
            .Concat(paths.Where(path => path.StartsWith("scripts/", StringComparison.Ordinal)).Select(Path.GetFileName))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var missing = expected.Where(name => !block.Contains(name!, StringComparison.Ordinal)
                                             // A project folder may be named by its one file (tests/Subjects/Faults/FaultyTests.cs).
                                             && !block.Contains(name!.TrimEnd('/') + "/", StringComparison.Ordinal)).ToList();

        // Every path the map starts a line with exists.
        // (A line indented by two spaces names a path inside the entry above it.)
        var named = new List<string>();
        var parent = "";
        foreach (var line in block.Split('\n').Where(line => line.Length > 0 && line[0] != ' ' || line.StartsWith("  ", StringComparison.Ordinal) && line.Length > 2 && line[2] != ' '))
        {
            var first = line.Trim().Split(' ', 2)[0].TrimEnd(',');
            if (line[0] != ' ')
            {
                parent = first.EndsWith('/') ? first : "";
            }
            else
            {
                first = parent + first;
            }

            if (first.Contains('/', StringComparison.Ordinal) && !first.Contains('<', StringComparison.Ordinal))
            {
                named.Add(first);
            }
        }

        var stale = named.Where(first => !File.Exists(Path.Combine(RepositoryPaths.Root, first)) && !Directory.Exists(Path.Combine(RepositoryPaths.Root, first))).ToList();

        Assert.True(named.Count > 10, $"Only {named.Count} paths found in CONTRIBUTING's layout.");
        Assert.True(missing.Count == 0, "Not in CONTRIBUTING's layout:\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, "In CONTRIBUTING's layout but not in the repository:\n" + string.Join('\n', stale));
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
