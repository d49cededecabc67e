using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// The item templates added to the three kinds of project users have — one made by async-tests, a
/// hand-made xunit v3 project with its own RootNamespace, and the SDK's <c>dotnet new xunit</c> (v2)
/// project — each then built once and its tests run, with exact counts. Plus the bad input an item
/// meets: no project, an unrestored project, a class library, a file that exists.
/// </summary>
public sealed class ItemTemplateTests(TemplatePackage package)
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(5);

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-tests", "async-fixture", "async-test-class")]
    public async Task Items_added_to_an_async_tests_project_build_warning_free_and_pass()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("items-pack");
        var project = await GeneratedProject.CreateAsync(package, root.Combine("Acme.Orders.Tests"), cancellationToken, "-n", "Acme.Orders.Tests", "--samples", "false");
        // Items need a restored project (their namespace comes from it); `dotnet new async-tests` restores unless told not to.
        await RunAsync(project.Directory, cancellationToken, "restore");
        var fixtures = Path.Combine(project.Directory, "Fixtures");
        Directory.CreateDirectory(fixtures);

        await NewAsync(fixtures, cancellationToken, "async-fixture", "-n", "DatabaseFixture");
        await NewAsync(fixtures, cancellationToken, "async-fixture", "-n", "SharedDatabase", "--scope", "collection");
        await NewAsync(fixtures, cancellationToken, "async-fixture", "-n", "ServerFixture", "--scope", "assembly");
        await NewAsync(project.Directory, cancellationToken, "async-test-class", "-n", "OrdersTests", "--fixture", "DatabaseFixture");
        await NewAsync(project.Directory, cancellationToken, "async-test-class", "-n", "class");
        await project.WriteFileAsync("SharedDatabaseTests.cs", """
            namespace Acme.Orders.Tests;

            [Collection(nameof(SharedDatabaseCollection))]
            public sealed class SharedDatabaseTests(SharedDatabase database, ServerFixture server)
            {
                [Fact(Timeout = TestTimeouts.Default)]
                public async Task Collection_and_assembly_fixtures_are_set_up()
                {
                    var cancellationToken = TestContext.Current.CancellationToken;
                    Assert.True(File.Exists(Path.Combine(server.Workspace.FullName, "ready")));
                    await File.WriteAllTextAsync(Path.Combine(database.Workspace.FullName, "a.txt"), "a", cancellationToken);
                }
            }
            """, cancellationToken);

        // Item templates get the project's RootNamespace, not the sub-folder's.
        Assert.Contains("namespace Acme.Orders.Tests;", await File.ReadAllTextAsync(Path.Combine(fixtures, "SharedDatabaseCollection.cs"), cancellationToken));
        Assert.Contains("[assembly: AssemblyFixture(typeof(Acme.Orders.Tests.ServerFixture))]", await File.ReadAllTextAsync(Path.Combine(fixtures, "ServerFixture.cs"), cancellationToken));
        Assert.True(File.Exists(Path.Combine(project.Directory, "_class.cs")));

        await project.BuildAsync(cancellationToken);
        // --no-build: the build above is the one checked; one build per host project keeps the suite short.
        var test = await RunAsync(project.Directory, cancellationToken, "test", "--no-build");

        // ExampleTests 1, OrdersTests 2 (fake time, fixture), _class 1, SharedDatabaseTests 1.
        Assert.Equal((5, 0, 5), project.ReadTrxCounters());

        // `dotnet new list` hides templates whose constraints fail where it runs: inside a restored test project the items are listed.
        var list = await RunAsync(project.Directory, cancellationToken, "new", "list", "--type", "item", "--debug:custom-hive", package.HivePath);
        Assert.All(TemplateCatalog.ItemTemplates, name => Assert.Contains(name, list.StandardOutput));
        // An existing file is never overwritten without --force.
        var fixtureFile = Path.Combine(fixtures, "DatabaseFixture.cs");
        var before = await File.ReadAllTextAsync(fixtureFile, cancellationToken);
        var again = await package.NewAsync(fixtures, cancellationToken, "async-fixture", "-n", "DatabaseFixture", "--scope", "collection");
        Assert.Equal(73, again.ExitCode);
        Assert.Contains("--force", again.Output);
        Assert.Equal(before, await File.ReadAllTextAsync(fixtureFile, cancellationToken));
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-fixture", "async-test-class", "async-test-settings")]
    public async Task Items_added_to_a_hand_made_xunit_v3_project_without_implicit_usings_need_no_hand_edits_build_warning_free_and_pass()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("items-v3");
        // The repository's own runner settings, linked into every test project from a Directory.Build.props.
        const string RepositoryRunnerSettings = """{ "maxParallelThreads": 3, "diagnosticMessages": true }""";
        Directory.CreateDirectory(root.Combine("shared"));
        await File.WriteAllTextAsync(root.Combine("shared", "xunit.runner.json"), RepositoryRunnerSettings, cancellationToken);
        // ... and their own runsettings (a TRX logger), named for every project.
        await File.WriteAllTextAsync(root.Combine("shared", "test.runsettings"), """
            <RunSettings>
              <RunConfiguration><ResultsDirectory>./TestResults</ResultsDirectory></RunConfiguration>
              <LoggerRunSettings><Loggers><Logger friendlyName="trx" enabled="True" /></Loggers></LoggerRunSettings>
            </RunSettings>
            """, cancellationToken);
        await File.WriteAllTextAsync(root.Combine("Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <RunSettingsFilePath>$(MSBuildThisFileDirectory)shared/test.runsettings</RunSettingsFilePath>
              </PropertyGroup>
              <ItemGroup>
                <None Include="$(MSBuildThisFileDirectory)shared/xunit.runner.json" Link="xunit.runner.json" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """, cancellationToken);
        var directory = root.Combine("HandMade.Tests");
        var projectFile = await HandMadeProject.WriteAsync(directory, "HandMade.Tests", cancellationToken, implicitUsings: false, rootNamespace: "Custom.Root");
        await RunAsync(directory, cancellationToken, "restore");
        var fixtures = Path.Combine(directory, "Fixtures");
        Directory.CreateDirectory(fixtures);

        var settings = await NewAsync(directory, cancellationToken, "async-test-settings");
        await NewAsync(fixtures, cancellationToken, "async-fixture", "-n", "ServerFixture", "--scope", "assembly");
        await NewAsync(directory, cancellationToken, "async-test-class", "-n", "OrdersTests", "--fixture", "ServerFixture");

        // The settings item added the runtime library itself (dotnet add package), at the pack's version: nothing to paste.
        Assert.DoesNotContain("<PropertyGroup>", settings.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"<PackageReference Include=\"AsyncTestTemplates.Testing\" Version=\"{package.Version}\" />", await File.ReadAllTextAsync(projectFile, cancellationToken), StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
        {
            Assert.Contains("namespace Custom.Root;", await File.ReadAllTextAsync(file, cancellationToken));
        }

        var build = await RunAsync(directory, cancellationToken, "build", "-warnaserror", "-nologo");
        Assert.Empty(build.WarningLines);
        // The repository's linked runner settings still reach the output; the build says what the item's file would add.
        Assert.Equal(RepositoryRunnerSettings, await File.ReadAllTextAsync(Path.Combine(directory, "bin", "Debug", "net10.0", "xunit.runner.json"), cancellationToken));
        Assert.Contains("so the xunit.runner.json beside its project file is not used. Add the settings you want from it to that file:", build.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("so the test.runsettings beside its project file is not used. Add the settings you want from it to that file:", build.StandardOutput, StringComparison.Ordinal);
        var test = await RunAsync(directory, cancellationToken, "test", "--no-build");

        // OrdersTests 2 (fake time through the library, the fixture); the assembly fixture is set up and torn down around them.
        Assert.Contains("Passed:     2, Skipped:     0, Total:     2", test.StandardOutput);
        // The repository's runsettings stayed in use: its TRX logger wrote a file (under the shared folder's TestResults).
        Assert.Single(Directory.GetFiles(root.Combine("shared", "TestResults"), "*.trx", SearchOption.AllDirectories));
        // The library registered its run guard and hang report in the test assembly, with no file of the project naming them.
        var assemblyInfo = await File.ReadAllTextAsync(Path.Combine(directory, "obj", "Debug", "net10.0", "HandMade.Tests.AssemblyInfo.cs"), cancellationToken);
        Assert.Contains("[assembly: Xunit.AssemblyFixtureAttribute(typeof(global::AsyncTestTemplates.Testing.TestRunGuard))]", assemblyInfo, StringComparison.Ordinal);
        Assert.Contains("[assembly: AsyncTestTemplates.Testing.ReportHungTestsAttribute()]", assemblyInfo, StringComparison.Ordinal);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-test-class", "async-test-settings")]
    public async Task The_settings_item_keeps_a_central_pin_of_the_library_and_leaves_an_existing_reference_alone()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("items-cpm");
        var pins = $"""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="xunit.v3.mtp-off" Version="{Version("XunitV3Version")}" />
                <PackageVersion Include="xunit.runner.visualstudio" Version="{Version("XunitRunnerVisualStudioVersion")}" />
                <PackageVersion Include="Microsoft.NET.Test.Sdk" Version="{Version("MicrosoftNETTestSdkVersion")}" />
                <PackageVersion Include="AsyncTestTemplates.Testing" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """;
        await File.WriteAllTextAsync(root.Combine("Directory.Packages.props"), pins, cancellationToken);
        var directory = root.Combine("Central.Tests");
        var projectFile = await HandMadeProject.WriteAsync(directory, "Central.Tests", cancellationToken, centralVersions: true);
        await RunAsync(directory, cancellationToken, "restore");

        await NewAsync(directory, cancellationToken, "async-test-settings");
        await NewAsync(directory, cancellationToken, "async-test-class", "-n", "OrdersTests");

        // The repository's pin is its own: the item added a versionless reference and left the pin as it was.
        Assert.Equal(pins, await File.ReadAllTextAsync(root.Combine("Directory.Packages.props"), cancellationToken));
        Assert.Contains("<PackageReference Include=\"AsyncTestTemplates.Testing\" />", await File.ReadAllTextAsync(projectFile, cancellationToken), StringComparison.Ordinal);
        var build = await RunAsync(directory, cancellationToken, "build", "-warnaserror", "-nologo");
        Assert.Empty(build.WarningLines);
        var test = await RunAsync(directory, cancellationToken, "test", "--no-build");
        // OrdersTests 1: fake time and the bounded wait, from the library the item added.
        Assert.Contains("Passed:     1, Skipped:     0, Total:     1", test.StandardOutput);

        // Once the library is referenced, the item says so and leaves the reference alone.
        var projectBefore = await File.ReadAllTextAsync(projectFile, cancellationToken);
        var again = await NewAsync(directory, cancellationToken, "async-test-settings", "--force");
        Assert.Contains("already references AsyncTestTemplates.Testing", again.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(projectBefore, await File.ReadAllTextAsync(projectFile, cancellationToken));
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-fixture", "async-test-class", "async-test-settings")]
    public async Task Items_added_to_the_sdk_xunit_v2_project_with_default_options_detect_it_add_no_warnings_and_pass()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("items-v2");
        var directory = root.Combine("Stock.Tests");
        // The SDK's own template, as users have it (it restores).
        await RunAsync(root.Path, cancellationToken, "new", "xunit", "-o", "Stock.Tests", "--no-update-check");
        var projectFile = Path.Combine(directory, "Stock.Tests.csproj");

        // No --xunit: each item reads from the project that it is xunit v2 (it lacks xunit v3's XunitTestProject mark).
        var settings = await NewAsync(directory, cancellationToken, "async-test-settings");
        await NewAsync(directory, cancellationToken, "async-fixture", "-n", "DatabaseFixture", "--scope", "collection");
        var assembly = await NewAsync(directory, cancellationToken, "async-fixture", "-n", "ServerFixture", "--scope", "assembly");
        await NewAsync(directory, cancellationToken, "async-test-class", "-n", "OrdersTests", "--helpers", "false", "--fixture", "DatabaseFixture");
        // With the default --helpers: the fake clock and bounded waits async-test-settings wrote.
        await NewAsync(directory, cancellationToken, "async-test-class", "-n", "MoreTests");
        // Nothing to paste: the settings item added its package itself (the rules and runner files, and fake time, which
        // the package brings: the item writes no version of it, so it never lowers one the project has).
        var projectText = await File.ReadAllTextAsync(projectFile, cancellationToken);
        Assert.Contains($"<PackageReference Include=\"AsyncTestTemplates.Testing.Settings\" Version=\"{package.Version}\" />", projectText, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.Extensions.TimeProvider.Testing", projectText, StringComparison.Ordinal);
        Assert.DoesNotContain("AsyncTestTemplates.Testing\"", projectText, StringComparison.Ordinal);
        Assert.DoesNotContain("<PropertyGroup>\n    <!--", settings.StandardOutput, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(directory, "ServerTests.cs"), """
            namespace Stock.Tests;

            [Collection(nameof(ServerFixtureCollection))]
            public sealed class ServerTests(ServerFixture server)
            {
                [Fact]
                public void Is_set_up() => Assert.True(File.Exists(Path.Combine(server.Workspace.FullName, "ready")));
            }
            """, cancellationToken);

        // v2 has no assembly fixtures: the choice falls back to a collection fixture, and says so.
        Assert.Contains("xunit v2 has no assembly fixtures", assembly.StandardOutput);
        Assert.True(File.Exists(Path.Combine(directory, "ServerFixtureCollection.cs")));

        // No -warnaserror: the stock project's own runner pin restores with NU1603 here. Nothing else may warn.
        var build = await RunAsync(directory, cancellationToken, "build", "-nologo");
        Assert.All(build.WarningLines, line => Assert.Contains("warning NU1603", line));
        var test = await RunAsync(directory, cancellationToken, "test", "--no-build");

        // UnitTest1 1, OrdersTests 2, MoreTests 1, ServerTests 1.
        Assert.Contains("Passed:     5, Skipped:     0, Total:     5", test.StandardOutput);
        Assert.Single(Directory.GetFiles(Path.Combine(directory, "TestResults"), "*.trx", SearchOption.AllDirectories));
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-fixture", "async-test-class", "async-test-settings")]
    public async Task Items_write_nothing_outside_a_project_in_an_unrestored_one_or_in_a_class_library()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("items-bad");
        var project = root.Combine("Lib");
        Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(Path.Combine(project, "Lib.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """, cancellationToken);

        var outside = await package.NewAsync(root.Path, cancellationToken, "async-fixture", "-n", "DatabaseFixture");
        var unrestored = await package.NewAsync(project, cancellationToken, "async-test-class", "-n", "OrdersTests");

        Assert.Equal(100, outside.ExitCode);
        Assert.Contains("This template can only be created inside the project", outside.Output);
        Assert.Equal(100, unrestored.ExitCode);
        Assert.Contains("is not restored. Run 'dotnet restore", unrestored.Output);

        // A restored class library is not a test project: each item refuses it, with the reason.
        await RunAsync(project, cancellationToken, "restore");
        foreach (var item in TemplateCatalog.ItemTemplates)
        {
            var refused = await package.NewAsync(project, cancellationToken, item, "-n", "Anything");
            Assert.Equal(100, refused.ExitCode);
            Assert.Contains("TestContainer", refused.Output, StringComparison.Ordinal);
        }

        Assert.Equal(new[] { "Lib.csproj" }, Directory.GetFiles(root.Path, "*", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file)).Select(Path.GetFileName));
    }

    private async Task<ProcessResult> NewAsync(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await package.NewAsync(directory, cancellationToken, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static async Task<ProcessResult> RunAsync(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await Dotnet.RunAsync(directory, CommandLimit, cancellationToken, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static string Version(string property) => PackageVersions.ByProperty[property];

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
