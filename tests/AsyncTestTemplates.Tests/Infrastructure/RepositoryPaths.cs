namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>Where things are in this checkout, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string PackProject => Path.Combine(Root, "AsyncTestTemplates.csproj");

    public static string Templates => Path.Combine(Root, "templates");

    public static string VersionsFile => Path.Combine(Root, "build", "Versions.props");

    /// <summary>The steering folder beside the checkout; absent in a user's fresh clone.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AsyncTestTemplates.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No AsyncTestTemplates.csproj above {AppContext.BaseDirectory}.");
    }
}
