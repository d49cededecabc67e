using System.Text.RegularExpressions;
using AsyncTestTemplates.Testing.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncTestTemplates.Testing.Analyzers.Tests;

/// <summary>
/// The guide's "Common mistakes" entries for these rules: each "Wrong" snippet gets exactly its rule, once,
/// and each "Right" snippet nothing, compiled as a generated project would (its implicit usings and TestTimeouts).
/// </summary>
public sealed partial class GuideSnippetTests
{
    private const string GeneratedProjectContext = """
        global using System;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Xunit;

        namespace Acme.Orders.Tests;

        public static class TestTimeouts
        {
            public const int Default = 30_000;

            public static TimeSpan Guard { get; } = TimeSpan.FromSeconds(10);
        }
        """;

    public static TheoryData<string> RuleIds { get; } = ["ATA1001", "ATA1002"];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task The_wrong_snippet_gets_its_rule_once_and_the_right_one_nothing(string id)
    {
        var (wrong, right) = Snippets(id);

        Assert.Equal([id], await FindingsAsync(wrong));
        Assert.Empty(await FindingsAsync(right));
    }

    /// <summary>The ids that the rules report in <paramref name="snippet"/>, after checking it compiles without errors.</summary>
    private static async Task<IReadOnlyList<string>> FindingsAsync(string snippet)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var compilation = CSharpCompilation.Create(
            "Acme.Orders.Tests",
            [
                CSharpSyntaxTree.ParseText(snippet, path: "Mistake.cs", cancellationToken: cancellationToken),
                CSharpSyntaxTree.ParseText(GeneratedProjectContext, path: "Project.cs", cancellationToken: cancellationToken),
            ],
            TestReferences.TestProject,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics(cancellationToken).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

        var findings = await compilation
            .WithAnalyzers([new TestWithoutTimeoutAnalyzer(), new UnobservedTaskLocalAnalyzer()])
            .GetAnalyzerDiagnosticsAsync(cancellationToken);
        return [.. findings.Select(diagnostic => diagnostic.Id)];
    }

    private static (string Wrong, string Right) Snippets(string id)
    {
        var guide = File.ReadAllText(Path.Combine(AnalyzerAssemblyTests.RepositoryRoot(), "docs", "async-testing-guide.md")).ReplaceLineEndings("\n");
        var entry = Entry().Matches(guide).Single(match => match.Value.Contains($"Caught by **{id}**", StringComparison.Ordinal)).Value;
        var blocks = CSharpBlock().Matches(entry).Select(block => block.Groups["code"].Value).ToList();
        return (blocks.Single(code => code.StartsWith("// Wrong", StringComparison.Ordinal)), blocks.Single(code => code.StartsWith("// Right", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"^### \d+\..*?(?=^### |^## )", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Entry();

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
