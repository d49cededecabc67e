using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// xunit v3 before 4.x, as users have it (xunit.v3 3.x with its VSTest runner): the items take it for
/// xunit v3 (a fixture with xunit v3's ValueTask lifetime compiles and runs), and the runtime library,
/// which needs a newer xunit, stops the build at once naming its floor and the one-line upgrade,
/// instead of a crash at run time; that line then gives a project that builds and passes. The project
/// treats warnings as errors, as many repositories do: `dotnet add package` of the library must still
/// succeed (no NU1608 on xunit's exact pins), so that the build can name the upgrade.
/// </summary>
[Template("async-fixture", "async-test-class", "async-test-settings")]
public sealed class XunitVersionTests(TemplatePackage package)
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(5);

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task An_xunit_v3_3x_project_gets_v3_items_and_the_library_names_the_upgrade_it_needs_before_anything_runs()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("xunit-3x");
        var directory = root.Combine("Older.Tests");
        Directory.CreateDirectory(directory);
        var projectFile = Path.Combine(directory, "Older.Tests.csproj");
        await File.WriteAllTextAsync(projectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <OutputType>Exe</OutputType>
                <IsPackable>false</IsPackable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="xunit.v3" Version="{Version("XunitV3Before4Version")}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{Version("XunitRunnerVisualStudioV3Before4Version")}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{Version("MicrosoftNETTestSdkVersion")}" />
                <Using Include="Xunit" />
              </ItemGroup>
            </Project>
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "WorkspaceTests.cs"), """
            namespace Older.Tests;

            public sealed class WorkspaceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
            {
                [Fact(Timeout = 30_000)]
                public async Task The_fixture_is_set_up() =>
                    await File.WriteAllTextAsync(Path.Combine(database.Workspace.FullName, "a.txt"), "a", TestContext.Current.CancellationToken);
            }
            """, cancellationToken);
        await RunAsync(directory, cancellationToken, "restore");

        // --xunit auto: xunit v3 3.x lacks 4.x's XunitTestProject mark, and is still xunit v3.
        var fixture = await package.NewAsync(directory, cancellationToken, "async-fixture", "-n", "DatabaseFixture", "--helpers", "false");
        Assert.True(fixture.ExitCode == 0, fixture.ToString());
        Assert.Contains("public async ValueTask InitializeAsync()", await File.ReadAllTextAsync(Path.Combine(directory, "DatabaseFixture.cs"), cancellationToken), StringComparison.Ordinal);
        // It compiles (it runs at the end, once xunit is upgraded).
        await RunAsync(directory, cancellationToken, "build", "-nologo");

        // The library needs a newer xunit: the build stops before compiling, naming the floor and the upgrade.
        var floor = Version("XunitV3ExtensibilityCoreVersion");
        // Where warnings are errors, NuGet refused the package when it raised xunit's exact pins (NU1608), and
        // the project was left as it was, the upgrade line never shown: the package must be added as it is.
        var add = await RunAsync(directory, cancellationToken, "add", "package", "AsyncTestTemplates.Testing", "--version", package.Version);
        Assert.DoesNotContain("NU1608", add.Output, StringComparison.Ordinal);
        Assert.Contains("AsyncTestTemplates.Testing", await File.ReadAllTextAsync(projectFile, cancellationToken), StringComparison.Ordinal);
        var build = await Dotnet.RunAsync(directory, CommandLimit, cancellationToken, "build", "-nologo");
        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains($"error ATT021: AsyncTestTemplates.Testing needs xunit v3 {floor} or later, and Older.Tests has xunit.v3.core.mtp-v1 {Version("XunitV3Before4Version")}", build.Output, StringComparison.Ordinal);
        var upgrade = $"dotnet remove package xunit.v3 && dotnet add package xunit.v3.mtp-off --version {floor}";
        Assert.Contains($"Upgrade xunit in the project's folder: {upgrade}", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error CS", build.Output, StringComparison.Ordinal);

        // The line it names works: the project builds and its test passes, now with the library's run guard.
        foreach (var command in upgrade.Split(" && "))
        {
            await RunAsync(directory, cancellationToken, command.Split(' ')[1..]);
        }

        await RunAsync(directory, cancellationToken, "build", "-nologo");
        var upgraded = await RunAsync(directory, cancellationToken, "test", "--no-build");
        Assert.Contains("Passed:     1, Skipped:     0, Total:     1", upgraded.StandardOutput, StringComparison.Ordinal);
    }

    private static string Version(string property) => PackageVersions.ByProperty[property];

    private static async Task<ProcessResult> RunAsync(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await Dotnet.RunAsync(directory, CommandLimit, cancellationToken, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
