using System.Text.Json.Nodes;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// --runner mtp records the runner in global.json only where the engine merges it without loss
/// (the output folder's parent), and elsewhere changes nothing and prints the line to add.
/// --runner auto never touches global.json.
/// </summary>
public sealed class GlobalJsonTests(TemplatePackage package)
{
    private const string SdkOnly = """
        {
          "sdk": { "version": "10.0.100", "rollForward": "latestFeature" },
          "msbuild-sdks": { "Microsoft.Build.Traversal": "4.1.0" }
        }
        """;

    private const string ManualInstruction = "Add \"test\": { \"runner\": \"Microsoft.Testing.Platform\" } to the global.json at the root of your repository";

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Mtp_merges_the_runner_into_the_parent_folder_s_global_json_keeping_its_settings()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("global-parent");
        await File.WriteAllTextAsync(root.Combine("global.json"), SdkOnly, cancellationToken);

        var project = await GeneratedProject.CreateAsync(package, root.Combine("X.Tests"), cancellationToken, "-n", "X.Tests", "--runner", "mtp", "--samples", "false");

        var json = JsonNode.Parse(await File.ReadAllTextAsync(root.Combine("global.json"), cancellationToken))!;
        Assert.Equal("Microsoft.Testing.Platform", (string?)json["test"]?["runner"]);
        Assert.Equal("10.0.100", (string?)json["sdk"]?["version"]);
        Assert.Equal("latestFeature", (string?)json["sdk"]?["rollForward"]);
        Assert.Equal("4.1.0", (string?)json["msbuild-sdks"]?["Microsoft.Build.Traversal"]);
        Assert.False(File.Exists(root.Combine("X.Tests", "global.json")));
        await AssertRunsOnTestingPlatformAsync(project, cancellationToken);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Mtp_leaves_a_global_json_three_levels_up_untouched_and_prints_the_line_to_add()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("global-far");
        await File.WriteAllTextAsync(root.Combine("global.json"), SdkOnly, cancellationToken);

        // root/global.json is three levels above root/tests/unit/X.Tests.
        Directory.CreateDirectory(root.Combine("tests", "unit"));
        var created = await package.NewAsync(root.Combine("tests", "unit"), cancellationToken,
            "async-tests", "-n", "X.Tests", "-o", "X.Tests", "--runner", "mtp", "--samples", "false", "--no-restore");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains(ManualInstruction, created.Output);
        Assert.Equal(SdkOnly, await File.ReadAllTextAsync(root.Combine("global.json"), cancellationToken));
        Assert.Equal([root.Combine("global.json")], Directory.GetFiles(root.Path, "global.json", SearchOption.AllDirectories));

        // Following the printed instruction makes the project run.
        var json = JsonNode.Parse(SdkOnly)!.AsObject();
        json["test"] = new JsonObject { ["runner"] = "Microsoft.Testing.Platform" };
        await File.WriteAllTextAsync(root.Combine("global.json"), json.ToJsonString(), cancellationToken);
        await AssertRunsOnTestingPlatformAsync(GeneratedProject.Existing(root.Combine("tests", "unit", "X.Tests")), cancellationToken);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Mtp_without_a_reachable_global_json_prints_the_line_to_add()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("global-none");

        var result = await package.NewAsync(root.Path, cancellationToken, "async-tests", "-n", "X.Tests", "-o", "X.Tests", "--runner", "mtp", "--samples", "false", "--no-restore");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(ManualInstruction, result.Output);
        Assert.Empty(Directory.GetFiles(root.Path, "global.json", SearchOption.AllDirectories));
    }

    private static async Task AssertRunsOnTestingPlatformAsync(GeneratedProject project, CancellationToken cancellationToken)
    {
        await project.BuildAsync(cancellationToken);
        var test = await project.TestAsync(cancellationToken);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Contains("Test run summary", test.StandardOutput);
        Assert.Equal((1, 0, 1), project.ReadTrxCounters());
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Auto_never_touches_global_json()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("global-auto");
        await File.WriteAllTextAsync(root.Combine("global.json"), SdkOnly, cancellationToken);

        var result = await package.NewAsync(root.Path, cancellationToken, "async-tests", "-n", "X.Tests", "-o", "X.Tests", "--samples", "false", "--no-restore");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(SdkOnly, await File.ReadAllTextAsync(root.Combine("global.json"), cancellationToken));
        Assert.Equal([root.Combine("global.json")], Directory.GetFiles(root.Path, "global.json", SearchOption.AllDirectories));
    }
}
