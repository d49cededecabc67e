using System.Text.Json.Nodes;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// --runner mtp never edits a global.json (the engine's JSON post action reaches only the output
/// folder and its parent, and words every other case as a failure): it says calmly, once, what to add
/// and where, and following that makes the project run on Microsoft.Testing.Platform.
/// --runner auto never touches global.json.
/// </summary>
[Template("async-tests")]
public sealed class GlobalJsonTests(TemplatePackage package)
{
    private const string SdkOnly = """
        {
          "sdk": { "version": "10.0.100", "rollForward": "latestFeature" },
          "msbuild-sdks": { "Microsoft.Build.Traversal": "4.1.0" }
        }
        """;

    private const string ManualInstruction = "add \"test\": { \"runner\": \"Microsoft.Testing.Platform\" } to the global.json at the root of your repository";

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Mtp_leaves_the_parent_folder_s_global_json_as_it_was_and_says_calmly_what_to_add()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("global-parent");
        await File.WriteAllTextAsync(root.Combine("global.json"), SdkOnly, cancellationToken);

        var created = await package.NewAsync(root.Path, cancellationToken, "async-tests", "-n", "X.Tests", "-o", "X.Tests", "--runner", "mtp", "--samples", "false", "--no-restore");

        AssertCalmInstruction(created);
        Assert.Equal(SdkOnly, await File.ReadAllTextAsync(root.Combine("global.json"), cancellationToken));
        Assert.False(File.Exists(root.Combine("X.Tests", "global.json")));
        await FollowTheInstructionAsync(root.Combine("global.json"), cancellationToken);
        await AssertRunsOnTestingPlatformAsync(GeneratedProject.Existing(root.Combine("X.Tests")), cancellationToken);
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

        AssertCalmInstruction(created);
        Assert.Equal(SdkOnly, await File.ReadAllTextAsync(root.Combine("global.json"), cancellationToken));
        Assert.Equal([root.Combine("global.json")], Directory.GetFiles(root.Path, "global.json", SearchOption.AllDirectories));

        // Following the printed instruction makes the project run.
        await FollowTheInstructionAsync(root.Combine("global.json"), cancellationToken);
        await AssertRunsOnTestingPlatformAsync(GeneratedProject.Existing(root.Combine("tests", "unit", "X.Tests")), cancellationToken);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Mtp_without_a_reachable_global_json_prints_the_line_to_add()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("global-none");

        var result = await package.NewAsync(root.Path, cancellationToken, "async-tests", "-n", "X.Tests", "-o", "X.Tests", "--runner", "mtp", "--samples", "false", "--no-restore");

        AssertCalmInstruction(result);
        Assert.Empty(Directory.GetFiles(root.Path, "global.json", SearchOption.AllDirectories));
    }

    // Exit 0, the line to add said once, and nothing worded as a failure: an MTP project in a
    // repository that does not select MTP yet is the expected first step, not an error.
    private static void AssertCalmInstruction(ProcessResult created)
    {
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Single(created.Output.Split('\n'), line => line.Contains(ManualInstruction, StringComparison.Ordinal));
        Assert.DoesNotContain("fail", created.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Unable", created.Output, StringComparison.Ordinal);
    }

    // What the instruction says, done by hand: the runner added, every other setting kept.
    private static async Task FollowTheInstructionAsync(string globalJson, CancellationToken cancellationToken)
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(globalJson, cancellationToken))!.AsObject();
        json["test"] = new JsonObject { ["runner"] = "Microsoft.Testing.Platform" };
        await File.WriteAllTextAsync(globalJson, json.ToJsonString(), cancellationToken);
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
