using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// --analyzers warning: an async mistake is reported by the same rule, and the project still builds
/// and runs, for a legacy project that adopts the rules gradually. (That by default the same rules
/// fail the build is what <see cref="Guide.GuideTests"/> proves, mistake by mistake.)
/// </summary>
public sealed class AnalyzerSeverityTests(TemplatePackage package)
{
    // Two mistakes of the guide: the machine's clock in code under test, a test that sleeps.
    private const string Mistakes = """
        namespace Legacy.Tests;

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

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task With_analyzers_warning_a_banned_api_is_reported_and_the_project_still_builds_and_runs()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        var project = await GeneratedProject.CreateAsync(
            package, Path.Combine(repository.TestsDirectory, "Legacy.Tests"), cancellationToken,
            "-n", "Legacy.Tests", "--samples", "false", "--analyzers", "warning");
        await project.WriteFileAsync("LegacyInvoiceTests.cs", Mistakes, cancellationToken);

        var build = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(5), cancellationToken, "build", "-nologo");

        Assert.True(build.ExitCode == 0, build.ToString());
        var diagnostics = build.Output.Split('\n').Where(line => line.Contains(" RS0030: ", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, line => Assert.Contains("warning RS0030: ", line, StringComparison.Ordinal));
        Assert.Contains("'DateTimeOffset.UtcNow' is banned in this project: Inject a TimeProvider", build.Output, StringComparison.Ordinal);
        var test = await project.TestAsync(cancellationToken);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Equal((2, 0, 2), project.ReadTrxCounters());
    }
}
