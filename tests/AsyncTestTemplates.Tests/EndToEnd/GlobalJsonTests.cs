using System.Text.Json.Nodes;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// --runner mtp runs where it was made: `dotnet new` (its restore) makes the nearest global.json select
/// Microsoft.Testing.Platform where that is safe. With none anywhere it writes one (at the repository
/// root, else in the output folder); one in the output folder's parent gets the runner merged in, every
/// other byte kept; one further up is left byte-for-byte as it was, and the restore prints the line to
/// add. dotnet new itself says calmly, once, what happens. --runner auto never touches global.json.
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

    private const string RunnerLine = "\"test\": { \"runner\": \"Microsoft.Testing.Platform\" }";

    private const string ManualInstruction = "A global.json further up is left as it is: add \"test\": { \"runner\": \"Microsoft.Testing.Platform\" } to it yourself.";

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Mtp_in_a_fresh_folder_writes_global_json_there_and_dotnet_test_passes_with_no_edit()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("global-none");

        // As a user runs it: with the restore dotnet new does.
        var created = await package.NewAsync(root.Path, cancellationToken, "async-tests", "-n", "X.Tests", "-o", "X.Tests", "--runner", "mtp", "--samples", "false");

        AssertCalmInstruction(created);
        Assert.Equal([root.Combine("X.Tests", "global.json")], Directory.GetFiles(root.Path, "global.json", SearchOption.AllDirectories));
        var written = JsonNode.Parse(await File.ReadAllTextAsync(root.Combine("X.Tests", "global.json"), cancellationToken))!;
        Assert.Equal("Microsoft.Testing.Platform", (string?)written["test"]?["runner"]);
        await AssertRunsOnTestingPlatformAsync(GeneratedProject.Existing(root.Combine("X.Tests")), build: false, cancellationToken);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Mtp_in_a_repository_with_no_global_json_writes_one_at_its_root()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("global-repo");
        var git = await ProcessRunner.RunAsync("git", ["init", "-q", root.Path], root.Path, TimeSpan.FromMinutes(1), cancellationToken);
        Assert.True(git.ExitCode == 0, git.ToString());
        Directory.CreateDirectory(root.Combine("tests", "unit"));

        var created = await package.NewAsync(root.Combine("tests", "unit"), cancellationToken, "async-tests", "-n", "X.Tests", "-o", "X.Tests", "--runner", "mtp", "--samples", "false");

        AssertCalmInstruction(created);
        Assert.Equal([root.Combine("global.json")], Directory.GetFiles(root.Path, "global.json", SearchOption.AllDirectories));
        Assert.Contains(RunnerLine, await File.ReadAllTextAsync(root.Combine("global.json"), cancellationToken), StringComparison.Ordinal);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Mtp_merges_the_runner_into_the_parent_folder_s_global_json_and_keeps_its_other_settings()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("global-parent");
        // As editors save it: with a final line break.
        await File.WriteAllTextAsync(root.Combine("global.json"), SdkOnly + "\n", cancellationToken);

        var created = await package.NewAsync(root.Path, cancellationToken, "async-tests", "-n", "X.Tests", "-o", "X.Tests", "--runner", "mtp", "--samples", "false");

        AssertCalmInstruction(created);
        Assert.False(File.Exists(root.Combine("X.Tests", "global.json")));
        // The runner line added after the opening brace; every other byte as it was.
        var merged = await File.ReadAllTextAsync(root.Combine("global.json"), cancellationToken);
        Assert.Equal(SdkOnly + "\n", merged.Replace($"\n  {RunnerLine},", "", StringComparison.Ordinal));
        var json = JsonNode.Parse(merged)!;
        Assert.Equal("Microsoft.Testing.Platform", (string?)json["test"]?["runner"]);
        Assert.Equal("10.0.100", (string?)json["sdk"]?["version"]);
        await AssertRunsOnTestingPlatformAsync(GeneratedProject.Existing(root.Combine("X.Tests")), build: false, cancellationToken);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Mtp_leaves_a_global_json_two_levels_up_byte_for_byte_and_prints_the_line_to_add()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("global-far");
        await File.WriteAllTextAsync(root.Combine("global.json"), SdkOnly, cancellationToken);
        var before = await File.ReadAllBytesAsync(root.Combine("global.json"), cancellationToken);

        // root/global.json is two levels above root/tests/X.Tests.
        Directory.CreateDirectory(root.Combine("tests"));
        var created = await package.NewAsync(root.Combine("tests"), cancellationToken,
            "async-tests", "-n", "X.Tests", "-o", "X.Tests", "--runner", "mtp", "--samples", "false");

        AssertCalmInstruction(created);
        var project = GeneratedProject.Existing(root.Combine("tests", "X.Tests"));
        var build = await project.BuildAsync(cancellationToken);
        Assert.Contains($"X.Tests runs on Microsoft.Testing.Platform, and `dotnet test` takes its runner from {root.Combine("global.json")}, which does not select it (it is left as it is). Add {RunnerLine} to it.", build.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(root.Combine("global.json"), cancellationToken));
        Assert.Equal([root.Combine("global.json")], Directory.GetFiles(root.Path, "global.json", SearchOption.AllDirectories));

        // Before that, dotnet test runs VSTest, and the build says why the project fails there and what to do.
        var refused = await project.TestAsync(cancellationToken);
        Assert.True(refused.ExitCode != 0, refused.ToString());
        Assert.Contains(
            $"error ATT025: X.Tests runs on Microsoft.Testing.Platform (AsyncTestRunner is mtp), and `dotnet test` takes its runner from {root.Combine("global.json")}, which does not select it, so it ran VSTest. Add {RunnerLine} to {root.Combine("global.json")}, or set AsyncTestRunner to vstest in X.Tests.csproj.",
            refused.StandardOutput, StringComparison.Ordinal);

        // Following the printed line makes the project run.
        await FollowTheInstructionAsync(root.Combine("global.json"), cancellationToken);
        await AssertRunsOnTestingPlatformAsync(project, build: true, cancellationToken);
    }

    // Exit 0, what happens said once, and nothing worded as a failure.
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

    // A plain dotnet test, right after dotnet new (build: false) or after a warning-free build.
    private static async Task AssertRunsOnTestingPlatformAsync(GeneratedProject project, bool build, CancellationToken cancellationToken)
    {
        if (build)
        {
            await project.BuildAsync(cancellationToken);
        }

        var test = await project.TestAsync(cancellationToken);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Contains("Test run summary", test.StandardOutput);
        Assert.Equal((1, 0, 1), project.ReadTrxCounters());
    }

    // dotnet new --no-restore leaves the first restore to dotnet test, which chose its runner (VSTest,
    // with no global.json yet) before that restore wrote the file: that run says so, the next one passes.
    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Mtp_made_without_restore_says_on_the_first_dotnet_test_to_run_it_again_and_the_second_passes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("global-no-restore");
        var project = await GeneratedProject.CreateAsync(
            package, root.Combine("X.Tests"), cancellationToken, "-n", "X.Tests", "--runner", "mtp", "--samples", "false");
        Assert.Empty(Directory.GetFiles(root.Path, "global.json", SearchOption.AllDirectories));

        var first = await project.TestAsync(cancellationToken);

        Assert.True(first.ExitCode != 0, first.ToString());
        Assert.Contains(
            $"error ATT025: X.Tests runs on Microsoft.Testing.Platform, which {root.Combine("X.Tests", "global.json")} selects, but this `dotnet test` had started under VSTest before the restore it ran wrote that file. Run `dotnet test` again.",
            first.StandardOutput, StringComparison.Ordinal);
        await AssertRunsOnTestingPlatformAsync(project, build: false, cancellationToken);
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
