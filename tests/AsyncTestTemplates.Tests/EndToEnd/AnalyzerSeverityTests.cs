using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// --analyzers warning: an async mistake is reported by the same rule, and the project still builds
/// and runs, for a legacy project that adopts the rules gradually; the two rules xunit itself makes
/// errors stay errors. (That by default the same rules fail the build is what
/// <see cref="Guide.GuideTests"/> proves, mistake by mistake.)
/// </summary>
[Template("async-tests")]
public sealed class AnalyzerSeverityTests(TemplatePackage package)
{
    // Three mistakes of the guide: the machine's clock in code under test, a test that sleeps, a test without a timeout.
    private const string Mistakes = """
        namespace Legacy.Tests;

        public sealed class LegacyReminderTests
        {
            [Fact]
            public async Task A_reminder_waits_its_delay() => await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        public sealed class LegacyInvoice(DateTimeOffset due)
        {
            public bool IsOverdue => DateTimeOffset.UtcNow > due;
        }

        public sealed class LegacyInvoiceTests
        {
            [Fact(Timeout = TestTimeouts.Default)]
            public async Task An_invoice_due_yesterday_is_overdue()
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1), TestContext.Current.CancellationToken);
                Assert.True(new LegacyInvoice(DateTimeOffset.UtcNow.AddDays(-1)).IsOverdue);
            }
        }
        """;

    // A mistake xunit's analyzers report as an error by default (xUnit2021): the assertion is never awaited.
    private const string UnawaitedAssertion = """
        namespace Legacy.Tests;

        public sealed class LegacyRefundTests
        {
            [Fact(Timeout = TestTimeouts.Default)]
            public async Task A_refund_of_nothing_is_refused()
            {
                await Task.Yield();
                Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Task.FromException(new ArgumentOutOfRangeException("amount")));
            }
        }
        """;

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task With_analyzers_warning_a_banned_api_is_reported_and_the_project_still_builds_and_runs()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        var project = await GeneratedProject.CreateAsync(
            package, Path.Combine(repository.TestsDirectory, "Legacy.Tests"), cancellationToken,
            "-n", "Legacy.Tests", "--samples", "false", "--analyzers", "warning");
        await project.WriteFileAsync("LegacyInvoiceTests.cs", Mistakes, cancellationToken);
        await project.WriteFileAsync("LegacyRefundTests.cs", UnawaitedAssertion, cancellationToken);

        var withUnawaitedAssertion = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(5), cancellationToken, "build", "-nologo");

        Assert.True(withUnawaitedAssertion.ExitCode != 0, withUnawaitedAssertion.ToString());
        Assert.Contains("LegacyRefundTests.cs(9,9): error xUnit2021: ", withUnawaitedAssertion.Output, StringComparison.Ordinal);
        Assert.Equal(["xUnit2021"], ErrorIds(withUnawaitedAssertion.Output));

        File.Delete(Path.Combine(project.Directory, "LegacyRefundTests.cs"));
        var build = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(5), cancellationToken, "build", "-nologo");

        Assert.True(build.ExitCode == 0, build.ToString());
        var diagnostics = build.Output.Split('\n').Where(line => line.Contains(" RS0030: ", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, line => Assert.Contains("warning RS0030: ", line, StringComparison.Ordinal));
        Assert.Contains("'DateTimeOffset.UtcNow' is banned in this project: Inject a TimeProvider", build.Output, StringComparison.Ordinal);
        Assert.Contains("LegacyInvoiceTests.cs(5,6): warning ATA1001: ", build.Output, StringComparison.Ordinal);
        var test = await project.TestAsync(cancellationToken);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Equal((3, 0, 3), project.ReadTrxCounters());
    }

    // The ids of the build's errors, each once: "path(line,col): error ID: message".
    private static List<string> ErrorIds(string buildOutput) =>
        [.. buildOutput.Split('\n')
            .Select(line => line.IndexOf(": error ", StringComparison.Ordinal) is var at and >= 0 ? line[(at + 8)..].Split(':')[0] : null)
            .OfType<string>()
            .Distinct()];
}
