using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// --add-to-solution adds the project to the one solution in the output folder or its parents;
/// with none or several it changes nothing and says what to run; without the option it is quiet.
/// </summary>
[Template("async-tests")]
public sealed class SolutionTests(TemplatePackage package)
{
    private const string ManualInstruction = "Add the project to your solution yourself: dotnet sln";

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task The_project_is_added_to_the_one_solution_above_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("sln-one");
        await NewSolutionAsync(root, "Acme", cancellationToken);

        var created = await NewProjectAsync(root, cancellationToken, "--add-to-solution");
        var list = await Dotnet.RunAsync(root.Path, TimeSpan.FromMinutes(1), cancellationToken, "sln", "Acme.slnx", "list");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("tests/Acme.Orders.Tests/Acme.Orders.Tests.csproj", list.StandardOutput.Replace('\\', '/'));
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task With_two_solutions_nothing_changes_and_the_command_is_printed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("sln-two");
        await NewSolutionAsync(root, "One", cancellationToken);
        await NewSolutionAsync(root, "Two", cancellationToken);
        var before = await ReadSolutionsAsync(root, cancellationToken);

        var created = await NewProjectAsync(root, cancellationToken, "--add-to-solution");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains(ManualInstruction, created.Output);
        Assert.Equal(before, await ReadSolutionsAsync(root, cancellationToken));
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task With_no_solution_none_is_created_and_the_command_is_printed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("sln-none");

        var created = await NewProjectAsync(root, cancellationToken, "--add-to-solution");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains(ManualInstruction, created.Output);
        Assert.Empty(await ReadSolutionsAsync(root, cancellationToken));
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Without_the_option_the_solution_is_left_alone_and_nothing_is_said()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("sln-quiet");
        await NewSolutionAsync(root, "Acme", cancellationToken);
        var before = await ReadSolutionsAsync(root, cancellationToken);

        var created = await NewProjectAsync(root, cancellationToken);

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.DoesNotContain("solution", created.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await ReadSolutionsAsync(root, cancellationToken));
    }

    private static async Task NewSolutionAsync(TemporaryDirectory root, string name, CancellationToken cancellationToken)
    {
        var result = await Dotnet.RunAsync(root.Path, TimeSpan.FromMinutes(1), cancellationToken, "new", "sln", "-n", name, "--format", "slnx");
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private Task<ProcessResult> NewProjectAsync(TemporaryDirectory root, CancellationToken cancellationToken, params string[] arguments)
    {
        Directory.CreateDirectory(root.Combine("tests"));
        return package.NewAsync(root.Combine("tests"), cancellationToken,
            ["async-tests", "-n", "Acme.Orders.Tests", "-o", "Acme.Orders.Tests", "--samples", "false", "--no-restore", .. arguments]);
    }

    private static async Task<Dictionary<string, string>> ReadSolutionsAsync(TemporaryDirectory root, CancellationToken cancellationToken)
    {
        var solutions = new Dictionary<string, string>();
        foreach (var file in Directory.GetFiles(root.Path, "*.sln*", SearchOption.AllDirectories))
        {
            solutions[Path.GetFileName(file)] = await File.ReadAllTextAsync(file, cancellationToken);
        }

        return solutions;
    }
}
