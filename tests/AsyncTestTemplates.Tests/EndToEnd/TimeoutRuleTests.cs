using System.Text.RegularExpressions;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// ATA1001, the runtime library's rule that every async test keeps a timeout: an error in a
/// generated project, fixed by <c>dotnet format analyzers</c> with the project's own constant, and
/// reported by the build's summary (never failing it) in a project that adopts the package alone.
/// </summary>
[Template("async-tests")]
public sealed partial class TimeoutRuleTests(TemplatePackage package)
{
    // The first async test a user adds, without a timeout; it takes a token the fix can pass.
    private const string TestWithoutTimeout = """
        namespace Acme.Orders.Tests;

        public sealed class ReminderTests
        {
            [Fact]
            public async Task The_reminder_waits_its_delay()
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
            }
        }
        """;

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task A_test_added_without_a_timeout_fails_the_build_and_the_code_fix_adds_the_projects_default()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("timeout-rule");
        var project = await GeneratedProject.CreateAsync(package, root.Combine("Acme.Orders.Tests"), cancellationToken, "-n", "Acme.Orders.Tests", "--samples", "false");
        await project.WriteFileAsync("ReminderTests.cs", TestWithoutTimeout, cancellationToken);

        var rejected = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(5), cancellationToken, "build", "-nologo");
        Assert.True(rejected.ExitCode != 0, rejected.ToString());
        Assert.Matches(RuleAt("error"), rejected.Output);
        // The analyzer loaded: no AD0001 (an analyzer threw) or CS8032 (it could not be created) on this SDK.
        Assert.DoesNotContain("AD0001", rejected.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8032", rejected.Output, StringComparison.Ordinal);

        var format = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(5), cancellationToken, "format", "analyzers", "--diagnostics", "ATA1001");
        Assert.True(format.ExitCode == 0, format.ToString());
        var fixedTest = await File.ReadAllTextAsync(Path.Combine(project.Directory, "ReminderTests.cs"), cancellationToken);
        Assert.Contains("[Fact(Timeout = TestTimeouts.Default)]", fixedTest, StringComparison.Ordinal);
        // xUnit1069 (an error here) wants the timed test to use its token: the fix passed it on.
        Assert.Contains("TimeProvider.System, TestContext.Current.CancellationToken)", fixedTest, StringComparison.Ordinal);

        await project.BuildAsync(cancellationToken);
        var test = await project.TestAsync(cancellationToken);
        Assert.True(test.ExitCode == 0, test.ToString());
        // ExampleTests 1, ReminderTests 1.
        Assert.Equal((2, 0, 2), project.ReadTrxCounters());
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task A_project_that_adds_only_the_package_keeps_building_and_is_told_the_rule_and_its_fix()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("timeout-rule-package");
        var directory = root.Combine("Acme.Orders.Tests");
        await HandMadeProject.WriteAsync(directory, "Acme.Orders.Tests", cancellationToken, globalUsingXunit: true);
        await File.WriteAllTextAsync(Path.Combine(directory, "ReminderTests.cs"), TestWithoutTimeout, cancellationToken);

        var add = await Dotnet.RunAsync(directory, TimeSpan.FromMinutes(5), cancellationToken, "add", "package", "AsyncTestTemplates.Testing", "--version", package.Version);
        Assert.True(add.ExitCode == 0, add.ToString());
        var build = await Dotnet.RunAsync(directory, TimeSpan.FromMinutes(5), cancellationToken, "build", "-nologo");

        // Adopting the package never fails the build on code it had: the rule, which has a code fix, is a
        // suggestion until AsyncTestRulesAsErrors, and the build names it and the line that fixes it.
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotMatch(RuleAt("(warning|error)"), build.Output);
        // (The test's delay also misses the test's token: xUnit1051, xunit's own rule, has a code fix too.)
        Assert.Contains("Acme.Orders.Tests has async-rule findings in its code, which do not fail its build: 2 (", build.Output, StringComparison.Ordinal);
        Assert.Contains("ATA1001 1", build.Output, StringComparison.Ordinal);
        Assert.Matches(@"--diagnostics (ATA1001 xUnit1051|xUnit1051 ATA1001) --severity info", build.Output);
    }

    private static Regex RuleAt(string severity) => new($@"ReminderTests\.cs\(5,6\): {severity} ATA1001: ");
}
