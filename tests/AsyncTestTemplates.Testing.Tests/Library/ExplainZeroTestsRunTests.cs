namespace AsyncTestTemplates.Testing.Tests.Library;

/// <summary>
/// Microsoft.Testing.Platform fails a run that executed no test with "Zero tests ran" alone; the
/// library's line says which of the causes it was, and the opt-out.
/// </summary>
public sealed class ExplainZeroTestsRunTests
{
    [Fact]
    public void A_filter_that_matched_nothing_is_named_with_its_value()
    {
        var line = ExplainZeroTestsRun.Explain(typeof(ExplainZeroTestsRunTests).Assembly, ["Acme.Tests.dll", "--filter-class", "Acme.Tests.NoSuchTests", "--filter-trait", "Category=Slow"]);

        Assert.StartsWith("AsyncTestTemplates: no test ran, because the filter matched no test of AsyncTestTemplates.Testing.Tests (--filter-class Acme.Tests.NoSuchTests, --filter-trait Category=Slow)", line, StringComparison.Ordinal);
        Assert.Contains("dotnet test -p:AsyncTestNoTestsAsError=false", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_without_tests_has_no_test_yet()
    {
        var line = ExplainZeroTestsRun.Explain(typeof(ExplainZeroTestsRun).Assembly, ["AsyncTestTemplates.Testing.dll"]);

        Assert.Contains("because AsyncTestTemplates.Testing has no test yet (no [Fact] or [Theory] in its code)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_with_tests_and_no_filter_names_what_else_leaves_them_out()
    {
        var line = ExplainZeroTestsRun.Explain(typeof(ExplainZeroTestsRunTests).Assembly, ["AsyncTestTemplates.Testing.Tests.dll"]);

        Assert.Contains("because xunit ran none of the tests of AsyncTestTemplates.Testing.Tests (each is skipped or explicit", line, StringComparison.Ordinal);
    }
}
