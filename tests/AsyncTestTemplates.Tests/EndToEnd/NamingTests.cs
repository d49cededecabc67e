using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// Project names that break other templates' code: C# keywords, leading digits, dashes, dots,
/// non-ASCII letters, and segments that shadow well-known namespaces. Each generated project
/// (with its samples, which use the most code) must build without a single warning.
/// </summary>
[Template("async-tests")]
public sealed class NamingTests(TemplatePackage package)
{
    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Odd_names_give_projects_that_build_warning_free()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("names");
        string[][] cases =
        [
            ["-o", "base"],
            ["-o", "2024Tests"],
            ["-n", "my-service.v2-tests"],
            ["-n", "Ünïcödé.Tésts"],
            ["-n", "Acme.System.Threading.Tests"],
            ["-n", "Acme.Xunit.Microsoft.Tests"],
            ["-n", "Acme.Threading.Tasks.Channels.Tests"],
        ];

        var projects = new List<string>();
        foreach (var (arguments, index) in cases.Select((c, i) => (c, i)))
        {
            var folder = arguments[0] == "-o" ? arguments[1] : $"case{index}";
            // CreateAsync passes the folder as -o: without -n, the engine takes the name from it.
            await GeneratedProject.CreateAsync(package, root.Combine(folder), cancellationToken, arguments[0] == "-o" ? arguments[2..] : arguments);
            projects.Add(Directory.GetFiles(root.Combine(folder), "*.csproj").Single());
        }

        // One solution, one build: the names are checked together at the cost of one restore.
        await File.WriteAllTextAsync(root.Combine("Names.slnx"),
            $"<Solution>\n{string.Concat(projects.Select(p => $"  <Project Path=\"{Path.GetRelativePath(root.Path, p)}\" />\n"))}</Solution>\n",
            cancellationToken);
        var build = await Dotnet.RunAsync(root.Path, TimeSpan.FromMinutes(6), cancellationToken, "build", "Names.slnx", "-warnaserror", "-nologo");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(build.WarningLines);
    }
}
