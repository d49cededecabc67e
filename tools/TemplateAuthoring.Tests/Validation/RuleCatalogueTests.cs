using System.Text.RegularExpressions;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Validation;

namespace AsyncTestTemplates.Authoring.Tests.Validation;

/// <summary>The documented rule table cannot drift from the rules the tool reports.</summary>
public sealed partial class RuleCatalogueTests
{
    private static string ToolSource => Path.Combine(RepositoryPaths.Root, "tools", "TemplateAuthoring");

    [Fact]
    public async Task CONTRIBUTING_shows_the_rule_table_the_catalogue_generates()
    {
        var contributing = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "CONTRIBUTING.md"), TestContext.Current.CancellationToken);

        // Regenerate with: dotnet run --project tools/TemplateAuthoring -c Release -- rules
        Assert.Contains(RuleCatalogue.MarkdownTable(), contributing.Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_code_the_tool_reports_is_in_the_catalogue_with_its_severity_and_nothing_else_is()
    {
        var catalogue = RuleCatalogue.All.ToDictionary(rule => rule.Code, rule => rule.Severity);
        var reported = new Dictionary<string, HashSet<Severity>>();
        foreach (var file in Directory.EnumerateFiles(ToolSource, "*.cs", SearchOption.AllDirectories)
                     .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Where(file => Path.GetFileName(file) != "RuleCatalogue.cs"))
        {
            foreach (var line in File.ReadLines(file))
            {
                foreach (Match code in Code().Matches(line))
                {
                    var severities = reported.TryGetValue(code.Groups[1].Value, out var found) ? found : reported[code.Groups[1].Value] = [];
                    // The severity written on the same line, where there is one: Finding.Error("X", …) or ("X", "name", Severity.Info).
                    if (SeverityOnLine().Match(line) is { Success: true } severity)
                    {
                        severities.Add(Enum.Parse<Severity>(severity.Groups[1].Success ? severity.Groups[1].Value : severity.Groups[2].Value));
                    }
                }
            }
        }

        Assert.Equal(catalogue.Keys.Order(StringComparer.Ordinal), reported.Keys.Order(StringComparer.Ordinal));
        Assert.All(reported.Where(code => code.Value.Count > 0), code => Assert.Equal([catalogue[code.Key]], code.Value));
    }

    [Fact]
    public void No_authoring_code_shares_the_prefix_of_what_a_users_build_reports()
    {
        // ATT… is what a generated or adopting project's build says (docs/diagnostics.md); the
        // repository's own checks must never be mistaken for one of those.
        Assert.All(RuleCatalogue.All, rule => Assert.False(rule.Code.StartsWith("ATT", StringComparison.Ordinal), rule.Code));
    }

    [GeneratedRegex(@"""((?:MV|CONFIG|LOC|TPL)[0-9]{3,4})""")]
    private static partial Regex Code();

    [GeneratedRegex(@"Finding\.(Error|Warning|Info)\(|Severity\.(Error|Warning|Info)\b")]
    private static partial Regex SeverityOnLine();
}
