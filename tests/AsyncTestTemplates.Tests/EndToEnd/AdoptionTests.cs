using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// Adoption never turns a green build red: a hand-made test project that builds under
/// TreatWarningsAsErrors (and -warnaserror), with code that breaks the async rules, still builds and
/// passes after <c>dotnet new async-test-settings</c> (which adds the library to an xunit v3 project,
/// the settings package to an xunit v2 one). The build names how many findings, by rule, and the
/// <c>dotnet format</c> line for those with a code fix; AsyncTestRulesAsErrors, the one switch, makes
/// them errors by id. On xunit v2 the library itself stops the build naming the settings package.
/// </summary>
[Template("async-test-settings")]
public sealed class AdoptionTests(TemplatePackage package)
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(5);

    // Code a team wrote before the rules: a timed test that ignores its token, the machine's clock, a real sleep.
    private const string LegacyTests = """
        namespace Legacy.Tests;

        public sealed class LegacyTests
        {
            [Fact(Timeout = 10_000)]
            public async Task A_timed_test_that_ignores_its_token()
            {
                await Task.Yield();
                Assert.True(DateTime.Now.Year > 2000);
            }

            [Fact]
            public void A_test_that_sleeps()
            {
                Thread.Sleep(1);
                Assert.NotEqual(0, Environment.ProcessId);
            }
        }
        """;

    // xunit v3 only: an async test without a timeout (ATA1001, which has a code fix).
    private const string LegacyAsyncTest = """
        namespace Legacy.Tests;

        public sealed class LegacyAsyncTests
        {
            [Fact]
            public async Task An_async_test_without_a_timeout() => await Task.Yield();
        }
        """;

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task A_green_xunit_v3_project_with_legacy_code_stays_green_and_is_told_what_the_rules_found()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("adopt-v3");
        var directory = root.Combine("Legacy.Tests");
        // Green before: xUnit1069 (a warning of xunit's own) is one the team keeps out of its errors.
        var projectFile = await WriteProjectAsync(directory, cancellationToken,
            Reference("xunit.v3.mtp-off", "XunitV3Version"), Reference("xunit.runner.visualstudio", "XunitRunnerVisualStudioVersion"),
            Reference("Microsoft.NET.Test.Sdk", "MicrosoftNETTestSdkVersion"), outputTypeExe: true, warningsNotAsErrors: "xUnit1069");
        await File.WriteAllTextAsync(Path.Combine(directory, "LegacyTests.cs"), LegacyTests, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "LegacyAsyncTests.cs"), LegacyAsyncTest, cancellationToken);
        // The item needs a restored project. (No build before it: the project builds after it, and it only adds rules.)
        await RunAsync(directory, cancellationToken, "restore");

        await NewAsync(directory, cancellationToken, "async-test-settings");

        Assert.Contains($"<PackageReference Include=\"AsyncTestTemplates.Testing\" Version=\"{package.Version}\" />", await File.ReadAllTextAsync(projectFile, cancellationToken), StringComparison.Ordinal);
        // The rules' severities are the switch's, not a file's: the .editorconfig written by default only
        // turns off the strict-repository rules that do not fit test code, and sets no async rule.
        var editorConfig = await File.ReadAllTextAsync(Path.Combine(directory, ".editorconfig"), cancellationToken);
        Assert.Contains("dotnet_diagnostic.CA1707.severity = none", editorConfig, StringComparison.Ordinal);
        Assert.DoesNotContain("severity = error", editorConfig, StringComparison.Ordinal);
        Assert.DoesNotContain("severity = warning", editorConfig, StringComparison.Ordinal);
        var build = await RunAsync(directory, cancellationToken, "build", "-warnaserror", "-nologo");
        var summary = SummaryLine(build);
        Assert.Contains("Legacy.Tests has async-rule findings in its code, which do not fail its build: 4 (", summary, StringComparison.Ordinal);
        Assert.Equal(["ATA1001 1", "RS0030 2", "xUnit1069 1"], CountsByRule(summary));
        Assert.Contains($"Code fixes exist for ATA1001: dotnet format analyzers \"{projectFile}\" --diagnostics ATA1001 --severity info ", summary, StringComparison.Ordinal);
        Assert.Contains("xUnit1069, RS0030 have no code fix", summary, StringComparison.Ordinal);
        Assert.Contains("set <AsyncTestRulesAsErrors>true</AsyncTestRulesAsErrors> in Legacy.Tests.csproj", summary, StringComparison.Ordinal);
        var test = await RunAsync(directory, cancellationToken, "test", "--no-build");
        Assert.Contains("Passed:     3, Skipped:     0, Total:     3", test.StandardOutput, StringComparison.Ordinal);

        // The line the build printed fixes what it says it fixes.
        await RunAsync(directory, cancellationToken, "format", "analyzers", projectFile, "--diagnostics", "ATA1001", "--severity", "info");
        var fixedBuild = await RunAsync(directory, cancellationToken, "build", "-warnaserror", "-nologo");
        Assert.DoesNotContain("ATA1001", SummaryLine(fixedBuild), StringComparison.Ordinal);

        // The one switch: the pack's rules fail the build by id (the rule the team keeps out of its errors stays so).
        await SetRulesAsErrorsAsync(projectFile, cancellationToken);
        var strict = await Dotnet.RunAsync(directory, CommandLimit, cancellationToken, "build", "-nologo");
        Assert.True(strict.ExitCode != 0, strict.ToString());
        Assert.Equal(["RS0030"], ErrorIds(strict.Output));
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task A_green_xunit_v2_project_with_legacy_code_stays_green_and_the_library_names_the_settings_package()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("adopt-v2");
        var directory = root.Combine("Legacy.Tests");
        var projectFile = await WriteProjectAsync(directory, cancellationToken,
            Reference("xunit", "XunitV2Version"), Reference("xunit.runner.visualstudio", "XunitRunnerVisualStudioVersion"),
            Reference("Microsoft.NET.Test.Sdk", "MicrosoftNETTestSdkVersion"), outputTypeExe: false, warningsNotAsErrors: null);
        await File.WriteAllTextAsync(Path.Combine(directory, "LegacyTests.cs"), LegacyTests, cancellationToken);
        await RunAsync(directory, cancellationToken, "restore");

        await NewAsync(directory, cancellationToken, "async-test-settings");

        Assert.Contains($"<PackageReference Include=\"AsyncTestTemplates.Testing.Settings\" Version=\"{package.Version}\" />", await File.ReadAllTextAsync(projectFile, cancellationToken), StringComparison.Ordinal);
        var build = await RunAsync(directory, cancellationToken, "build", "-warnaserror", "-nologo");
        var summary = SummaryLine(build);
        Assert.Contains("Legacy.Tests has async-rule findings in its code, which do not fail its build: 2 (RS0030 2).", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet format", summary, StringComparison.Ordinal);
        var test = await RunAsync(directory, cancellationToken, "test", "--no-build");
        Assert.Contains("Passed:     2, Skipped:     0, Total:     2", test.StandardOutput, StringComparison.Ordinal);

        await SetRulesAsErrorsAsync(projectFile, cancellationToken);
        var strict = await Dotnet.RunAsync(directory, CommandLimit, cancellationToken, "build", "-nologo");
        Assert.True(strict.ExitCode != 0, strict.ToString());
        Assert.Equal(["RS0030"], ErrorIds(strict.Output));

        // The library is xunit v3's: added to this v2 project, the build stops before compiling and names the v2 way.
        await RunAsync(directory, cancellationToken, "add", "package", "AsyncTestTemplates.Testing", "--version", package.Version);
        var withLibrary = await Dotnet.RunAsync(directory, CommandLimit, cancellationToken, "build", "-nologo");
        Assert.True(withLibrary.ExitCode != 0, withLibrary.ToString());
        Assert.Equal(["ATT020"], ErrorIds(withLibrary.Output));
        Assert.Contains("is an xunit v2 project (xunit.extensibility.core " + Version("XunitV2Version") + ")", withLibrary.Output, StringComparison.Ordinal);
        Assert.Contains("dotnet remove package AsyncTestTemplates.Testing && dotnet add package AsyncTestTemplates.Testing.Settings", withLibrary.Output, StringComparison.Ordinal);
    }

    private static async Task<string> WriteProjectAsync(string directory, CancellationToken cancellationToken,
        string xunit, string runner, string testSdk, bool outputTypeExe, string? warningsNotAsErrors)
    {
        Directory.CreateDirectory(directory);
        var projectFile = Path.Combine(directory, "Legacy.Tests.csproj");
        await File.WriteAllTextAsync(projectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>{(outputTypeExe ? "\n    <OutputType>Exe</OutputType>" : "")}
                <IsPackable>false</IsPackable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>{(warningsNotAsErrors is null ? "" : $"\n    <WarningsNotAsErrors>{warningsNotAsErrors}</WarningsNotAsErrors>")}
              </PropertyGroup>
              <ItemGroup>
                {xunit}
                {runner}
                {testSdk}
                <Using Include="Xunit" />
              </ItemGroup>
            </Project>
            """, cancellationToken);
        return projectFile;
    }

    // What a user does to make the rules errors: one property in the project file.
    private static async Task SetRulesAsErrorsAsync(string projectFile, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(projectFile, cancellationToken);
        await File.WriteAllTextAsync(projectFile, text.Replace("<IsPackable>false</IsPackable>",
            "<IsPackable>false</IsPackable>\n    <AsyncTestRulesAsErrors>true</AsyncTestRulesAsErrors>", StringComparison.Ordinal), cancellationToken);
    }

    private static string SummaryLine(ProcessResult build) =>
        build.StandardOutput.Split('\n').SingleOrDefault(line => line.Contains("AsyncTestTemplates.Testing.Settings: Legacy.Tests has async-rule findings", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"The build printed no summary of the async rules.\n{build}");

    // "(xUnit1069 1, RS0030 2)" of the summary, in id order (the build lists them in no fixed order).
    private static List<string> CountsByRule(string summary)
    {
        var start = summary.IndexOf(" (", summary.IndexOf("do not fail its build: ", StringComparison.Ordinal), StringComparison.Ordinal) + " (".Length;
        return [.. summary[start..summary.IndexOf(')', start)].Split(", ").Order(StringComparer.Ordinal)];
    }

    private static string Reference(string package, string versionProperty) =>
        $"""<PackageReference Include="{package}" Version="{Version(versionProperty)}" />""";

    private static string Version(string property) => PackageVersions.ByProperty[property];

    // The ids of the build's errors, each once: "path(line,col): error ID: message".
    private static List<string> ErrorIds(string buildOutput) =>
        [.. buildOutput.Split('\n')
            .Select(line => line.IndexOf(": error ", StringComparison.Ordinal) is var at and >= 0 ? line[(at + 8)..].Split(':')[0] : null)
            .OfType<string>()
            .Distinct()];

    private async Task NewAsync(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await package.NewAsync(directory, cancellationToken, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static async Task<ProcessResult> RunAsync(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await Dotnet.RunAsync(directory, CommandLimit, cancellationToken, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
