using System.Text.Json;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// AsyncTestTemplates.Sdk, the project SDK a generated project names in its first line, where a
/// user's project file differs from what the template wrote: a package the project references itself,
/// a runner value the SDK does not know, and coverage switched off after the project was made.
/// </summary>
[Template("async-tests")]
public sealed class ProjectSdkTests(TemplatePackage package)
{
    // Where a repository puts a test project's references: the project file, or for all its test
    // projects a Directory.Build.props (imported before the project file) or Directory.Build.targets
    // (imported after it, within Microsoft.NET.Sdk's targets).
    [Theory(Timeout = EndToEndLimits.Test)]
    [InlineData("project file")]
    [InlineData("Directory.Build.props")]
    [InlineData("Directory.Build.targets")]
    public async Task A_package_the_project_references_itself_is_left_to_it(string where)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("sdk-own-reference");
        var older = PackageVersions.ByProperty["XunitRunnerVisualStudioV3Before4Version"];
        var ours = PackageVersions.ByProperty["XunitRunnerVisualStudioVersion"];
        Assert.NotEqual(ours, older);
        var reference = $"""
              <ItemGroup>
                <PackageReference Include="xunit.runner.visualstudio" Version="{older}" />
              </ItemGroup>

            """;
        if (where != "project file")
        {
            await File.WriteAllTextAsync(root.Combine(where), $"<Project>\n{reference}</Project>\n", cancellationToken);
        }

        var project = await GeneratedProject.CreateAsync(
            package, root.Combine("Own.Tests"), cancellationToken, "-n", "Own.Tests", "--samples", "false", "--runner", "vstest");
        if (where == "project file")
        {
            await AddToProjectAsync(project, reference, cancellationToken);
        }

        // No duplicate reference (NU1504) and no downgrade warning: BuildAsync fails on any warning.
        await project.BuildAsync(cancellationToken);
        var test = await project.TestAsync(cancellationToken);

        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Equal((1, 0, 1), project.ReadTrxCounters());
        Assert.Equal([older], RestoredVersions(project, "xunit.runner.visualstudio"));
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task A_runner_the_sdk_does_not_know_fails_the_restore_naming_the_values()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("sdk-bad-runner");
        var project = await GeneratedProject.CreateAsync(
            package, root.Combine("Runner.Tests"), cancellationToken, "-n", "Runner.Tests", "--samples", "false");
        var projectFile = Path.Combine(project.Directory, "Runner.Tests.csproj");
        var text = await File.ReadAllTextAsync(projectFile, cancellationToken);
        Assert.Contains("<AsyncTestRunner>auto</AsyncTestRunner>", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(projectFile, text.Replace("<AsyncTestRunner>auto</AsyncTestRunner>", "<AsyncTestRunner>fast</AsyncTestRunner>", StringComparison.Ordinal), cancellationToken);

        var test = await project.TestAsync(cancellationToken);

        Assert.True(test.ExitCode != 0, test.ToString());
        Assert.Contains("error ATT024: AsyncTestRunner is 'fast': it must be auto (follow global.json), mtp (Microsoft.Testing.Platform) or vstest.", test.StandardOutput, StringComparison.Ordinal);
    }

    // A repository that switches coverage off for every test project, where a project was made with
    // coverage: its testconfig.json still sets coverlet options, which a Microsoft.Testing.Platform test
    // application without coverlet would refuse (exit 5, "Unknown option"), so the SDK keeps coverlet.MTP
    // there, never switched on. Under VSTest the data collector goes, and test.runsettings keeps it off.
    [Theory(Timeout = EndToEndLimits.Test)]
    [InlineData("mtp", "testconfig.json", "coverlet-output-format", "coverlet.MTP", true)]
    [InlineData("vstest", "test.runsettings", "XPlat Code Coverage", "coverlet.collector", false)]
    public async Task Coverage_switched_off_in_a_project_made_with_it_runs_green_and_collects_nothing_even_in_CI(
        string runner, string runnerFile, string coverageSetting, string coverlet, bool kept)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("sdk-coverage-off");
        await File.WriteAllTextAsync(
            root.Combine("Directory.Build.props"),
            "<Project>\n  <PropertyGroup>\n    <AsyncTestCoverage>false</AsyncTestCoverage>\n  </PropertyGroup>\n</Project>\n",
            cancellationToken);
        var project = await GeneratedProject.CreateAsync(
            package, root.Combine("Off.Tests"), cancellationToken, "-n", "Off.Tests", "--samples", "false", "--runner", runner);
        Assert.Contains(coverageSetting, await File.ReadAllTextAsync(Path.Combine(project.Directory, runnerFile), cancellationToken), StringComparison.Ordinal);
        // The first restore writes the global.json that selects Microsoft.Testing.Platform (dotnet new runs it without --no-restore).
        await project.BuildAsync(cancellationToken);

        var test = await project.TestOnCiAsync(cancellationToken);

        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Equal((1, 0, 1), project.ReadTrxCounters());
        Assert.Empty(project.CoverageReports());
        Assert.DoesNotContain("Coverage:", test.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(kept, RestoredVersions(project, coverlet).Count == 1);
    }

    private static async Task AddToProjectAsync(GeneratedProject project, string lines, CancellationToken cancellationToken)
    {
        var projectFile = Directory.GetFiles(project.Directory, "*.csproj").Single();
        var text = await File.ReadAllTextAsync(projectFile, cancellationToken);
        await File.WriteAllTextAsync(projectFile, text.Replace("</Project>", lines + "</Project>", StringComparison.Ordinal), cancellationToken);
    }

    // The versions of a package in the restore's assets file (obj/project.assets.json): what the build really uses.
    private static List<string> RestoredVersions(GeneratedProject project, string packageId)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(project.Directory, "obj", "project.assets.json")));
        return [.. assets.RootElement.GetProperty("libraries").EnumerateObject()
            .Select(library => library.Name.Split('/'))
            .Where(parts => string.Equals(parts[0], packageId, StringComparison.OrdinalIgnoreCase))
            .Select(parts => parts[1])];
    }
}
