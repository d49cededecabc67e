using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// --analyzers: by default an async mistake fails the build; with <c>warning</c> the same mistake is
/// reported by the same rule and the project still builds and runs, for a legacy project that
/// adopts the rules gradually.
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

    [Theory(Timeout = EndToEndLimits.Test)]
    [InlineData("error")]
    [InlineData("warning")]
    public async Task A_banned_api_fails_the_build_or_is_reported_as_chosen(string severity)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        var project = await GeneratedProject.CreateAsync(
            package, Path.Combine(repository.TestsDirectory, "Legacy.Tests"), cancellationToken,
            "-n", "Legacy.Tests", "--samples", "false", "--analyzers", severity);
        await project.WriteFileAsync("LegacyInvoiceTests.cs", Mistakes, cancellationToken);

        var build = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(5), cancellationToken, "build", "-nologo");

        var diagnostics = build.Output.Split('\n').Where(line => line.Contains(" RS0030: ", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, line => Assert.Contains($"{severity} RS0030: ", line, StringComparison.Ordinal));
        Assert.Contains("'DateTimeOffset.UtcNow' is banned in this project: Inject a TimeProvider", build.Output, StringComparison.Ordinal);
        if (severity == "error")
        {
            Assert.True(build.ExitCode != 0, build.ToString());
            return;
        }

        Assert.True(build.ExitCode == 0, build.ToString());
        var test = await project.TestAsync(cancellationToken);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Equal((2, 0, 2), project.ReadTrxCounters());
    }
}
