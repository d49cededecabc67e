namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>
/// One folder under the system temp path for everything a test run creates, outside this
/// repository (so no global.json or Directory.Build.props of ours applies). Its nuget.config adds
/// <see cref="Packages"/>, where the run packs this checkout, as a package source beside the
/// machine's own: every project the tests generate restores the runtime library from there.
/// </summary>
public static class TestRunFolder
{
    private static readonly Lazy<string> Created = new(Create);

    public static string Root => Created.Value;

    /// <summary>The local package source of this run.</summary>
    public static string Packages => Path.Combine(Root, "packages");

    private static string Create()
    {
        var root = Directory.CreateTempSubdirectory("att-run-").FullName;
        // A configured folder source must exist before the first restore (NU1301 otherwise).
        Directory.CreateDirectory(Path.Combine(root, "packages"));
        File.WriteAllText(Path.Combine(root, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="AsyncTestTemplates (this test run)" value="packages" />
              </packageSources>
            </configuration>
            """);
        return root;
    }
}
