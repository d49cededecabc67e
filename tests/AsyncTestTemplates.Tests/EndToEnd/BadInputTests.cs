using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>Bad input gets a clear error and loses nothing.</summary>
[Template("async-tests")]
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
    [InlineData("async-tests")]
    [InlineData("async-hosted-tests")]
    [InlineData("async-integration-tests")]
    [Template("async-tests", "async-hosted-tests", "async-integration-tests")]
    public async Task A_missing_project_under_test_is_named_by_dotnet_new_and_fails_the_run(string template)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("missing-sut");
        const string Message = "error ATT001: The project under test '../src/Nope/Nope.csproj' does not exist (paths are relative to ";

        // The engine cannot look at the file before it writes (no template condition can), so the
        // restore it runs at once is where the path is named; from then on every build fails.
        var created = await package.NewAsync(root.Path, cancellationToken, template, "-n", "X.Tests", "-o", "X.Tests", "--samples", "false", "--sut", "../src/Nope/Nope.csproj");
        var project = GeneratedProject.Existing(root.Combine("X.Tests"));
        var test = await project.TestAsync(cancellationToken);

        Assert.Contains(Message, created.Output);
        // What docs/adoption.md says the user sees, as measured: the engine reports the failed restore as a
        // failed post action, and dotnet new still exits 0 with the project written.
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("Post action failed.", created.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(project.Directory, "X.Tests.csproj")), created.ToString());
        Assert.True(test.ExitCode != 0, test.ToString());
        Assert.Contains(Message, test.StandardOutput);
        Assert.False(Directory.Exists(project.ResultsDirectory), "no test may run without the project under test");
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task A_project_under_test_that_is_no_project_file_is_named_not_loaded()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("not-a-project-sut");
        await File.WriteAllTextAsync(root.Combine("notes.txt"), "not a project\n", cancellationToken);

        var created = await package.NewAsync(root.Path, cancellationToken, "async-tests", "-n", "X.Tests", "-o", "X.Tests", "--samples", "false", "--sut", "../notes.txt");

        Assert.Contains("error ATT002: The project under test '../notes.txt' is not an MSBuild project file", created.Output);
        Assert.DoesNotContain("MSB4025", created.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task A_project_under_test_that_moves_fails_the_build_naming_its_old_path()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        Directory.CreateDirectory(repository.TestsDirectory);
        var created = await package.NewAsync(repository.TestsDirectory, cancellationToken,
            "async-tests", "-n", "Acme.Calculator.Tests", "-o", "Acme.Calculator.Tests", "--samples", "false", "--sut", SampleRepository.SutArgument);
        Assert.True(created.ExitCode == 0 && !created.Output.Contains("ATT00", StringComparison.Ordinal), created.ToString());
        var project = GeneratedProject.Existing(Path.Combine(repository.TestsDirectory, "Acme.Calculator.Tests"));

        // The library is renamed: its tests must not silently leave the run.
        Directory.Move(Path.GetDirectoryName(repository.LibraryProject)!, Path.Combine(repository.Root, "src", "Acme.Calc"));
        var build = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(5), cancellationToken, "build", "-nologo");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains($"error ATT001: The project under test '{SampleRepository.SutArgument}' does not exist", build.StandardOutput);
    }
}
