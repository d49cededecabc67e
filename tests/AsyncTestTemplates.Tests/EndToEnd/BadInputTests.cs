using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>Bad input gets a clear error and loses nothing.</summary>
public sealed class BadInputTests(TemplatePackage package)
{
    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task An_invalid_runner_is_rejected_by_the_engine_with_its_exit_code()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("bad-runner");

        var result = await package.NewAsync(root.Path, cancellationToken, "async-tests", "-n", "X.Tests", "--runner", "fast");

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("'fast' is not a valid value for --runner", result.Output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(root.Path));
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task An_existing_file_is_not_overwritten_without_force()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("overwrite");
        var project = await GeneratedProject.CreateAsync(package, root.Combine("X.Tests"), cancellationToken, "-n", "X.Tests");
        var edited = Path.Combine(project.Directory, "TestTimeouts.cs");
        await File.WriteAllTextAsync(edited, "// the user's own edits\n", cancellationToken);

        var again = await package.NewAsync(root.Path, cancellationToken, "async-tests", "-n", "X.Tests", "-o", "X.Tests", "--no-restore");

        Assert.Equal(73, again.ExitCode);
        Assert.Contains("--force", again.Output);
        Assert.Equal("// the user's own edits\n", await File.ReadAllTextAsync(edited, cancellationToken));
    }

    [Theory(Timeout = EndToEndLimits.Test)]
    [InlineData("async-tests", "")]
    [InlineData("async-hosted-tests", "; the tests that need it (ProjectUnderTestTests.cs) are left out of the build.")]
    public async Task A_missing_project_under_test_is_named_and_the_rest_builds_and_passes(string template, string leftOut)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("missing-sut");
        const string Message = "warning ATT001: The project under test '../src/Nope/Nope.csproj' does not exist (paths are relative to ";

        // With the restore post action, the message is printed by `dotnet new` itself.
        var created = await package.NewAsync(root.Path, cancellationToken, template, "-n", "X.Tests", "-o", "X.Tests", "--samples", "false", "--sut", "../src/Nope/Nope.csproj");
        var project = GeneratedProject.Existing(root.Combine("X.Tests"));
        var test = await project.TestAsync(cancellationToken);

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains(Message, created.Output);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Contains(Message, test.StandardOutput);
        Assert.Contains($"X.Tests){leftOut}", test.StandardOutput);
        var (passed, failed, total) = project.ReadTrxCounters();
        Assert.Equal((total, 0), (passed, failed));
        Assert.DoesNotContain(project.ReadTrxResults(), result => result.Name.Contains("ProjectUnderTestTests", StringComparison.Ordinal));
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task A_missing_web_project_under_test_leaves_its_tests_out_and_the_rest_runs()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("missing-web-sut");
        var project = await GeneratedProject.CreateFromAsync(
            "async-integration-tests", package, root.Combine("X.Tests"), cancellationToken, "-n", "X.Tests", "--samples", "false", "--sut", "../src/Nope/Nope.csproj");

        var test = await project.TestAsync(cancellationToken);

        // Its Program class is not there to compile against: the files that need it are named and left out.
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Contains("warning ATT001: The project under test '../src/Nope/Nope.csproj' does not exist", test.StandardOutput);
        Assert.Contains("(ApiFixture.cs, ApiCollectionDefinition.cs, ProjectUnderTestTests.cs) are left out of the build", test.StandardOutput);
        var expected = IntegrationTemplateTests.ExpectedTests("sqlite", samples: false);
        Assert.Equal((expected, 0, expected), project.ReadTrxCounters());
    }
}
