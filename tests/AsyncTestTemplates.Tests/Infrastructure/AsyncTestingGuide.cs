using System.Text.RegularExpressions;

namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>docs/async-testing-guide.md, read the way its tests need it: sample references and mistakes.</summary>
public sealed partial class AsyncTestingGuide
{
    private AsyncTestingGuide(string text) => Text = text;

    public static string Path { get; } = System.IO.Path.Combine(RepositoryPaths.Root, "docs", "async-testing-guide.md");

    public string Text { get; }

    /// <summary>Every "`template` → `file`" reference, in order.</summary>
    public IReadOnlyList<SampleReference> Samples =>
        [.. SampleReferencePattern().Matches(Text).Select(match => new SampleReference(match.Groups["template"].Value, match.Groups["file"].Value)).Distinct()];

    /// <summary>The "### N. title" entries of "Common mistakes", each with its rule and its two snippets.</summary>
    public IReadOnlyList<Mistake> Mistakes
    {
        get
        {
            var section = Section("## Common mistakes");
            return
            [
                .. MistakeHeading().Matches(section).Select(heading =>
                {
                    var end = section.IndexOf("\n### ", heading.Index + heading.Length, StringComparison.Ordinal);
                    var body = section[heading.Index..(end < 0 ? section.Length : end)];
                    var snippets = CSharpBlock().Matches(body).Select(block => block.Groups["code"].Value).ToList();
                    return new Mistake(
                        int.Parse(heading.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture),
                        heading.Groups["title"].Value.Trim(),
                        CaughtBy().Match(body).Groups["rule"].Value,
                        snippets.SingleOrDefault(code => code.StartsWith("// Wrong", StringComparison.Ordinal)) ?? "",
                        snippets.SingleOrDefault(code => code.StartsWith("// Right", StringComparison.Ordinal)) ?? "");
                }),
            ];
        }
    }

    /// <summary>
    /// The code of the practices no rule enforces: every C# block of a "## N." section, each a "// Wrong" or
    /// a "// Right" version, in order.
    /// </summary>
    public IReadOnlyList<PracticeSnippet> PracticeSnippets =>
    [
        .. PracticeHeading().Matches(Text).SelectMany(heading =>
        {
            var section = Section(heading.Value.TrimEnd('\n'));
            return CSharpBlock().Matches(section).Select(block => block.Groups["code"].Value).Select(code => new PracticeSnippet(
                int.Parse(heading.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture),
                code.StartsWith("// Wrong\n", StringComparison.Ordinal) ? SnippetKind.Wrong
                    : code.StartsWith("// Right\n", StringComparison.Ordinal) ? SnippetKind.Right
                    : SnippetKind.Unmarked,
                code));
        }),
    ];

    /// <summary>The rule ids in the table of "## The rules".</summary>
    public IReadOnlyList<string> Rules => [.. RuleRow().Matches(Section("## The rules")).Select(match => match.Groups["rule"].Value)];

    public static AsyncTestingGuide Load() => new(File.ReadAllText(Path).ReplaceLineEndings("\n"));

    /// <summary>
    /// Every file the guide names for <paramref name="template"/> is in <paramref name="project"/>
    /// (generated with that template's defaults and run), and each test class in it passed.
    /// </summary>
    public void AssertSamplesPassed(string template, GeneratedProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var results = project.ReadTrxResults();
        var samples = Samples.Where(sample => sample.Template == template).ToList();
        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            var file = System.IO.Path.Combine(project.Directory, sample.File);
            Assert.True(File.Exists(file), $"The guide points at {template} → {sample.File}, which the template does not generate.");
            var code = File.ReadAllText(file);
            foreach (var testClass in TestClasses(code))
            {
                var ofClass = results.Where(result => result.Name.Contains($".{testClass}.", StringComparison.Ordinal)).ToList();
                Assert.True(ofClass.Count > 0 && ofClass.All(result => result.Outcome == "Passed"),
                    $"The guide's sample {template} → {sample.File}: {testClass} did not pass ({string.Join(", ", ofClass)}).");
            }
        }
    }

    /// <summary>The classes of a C# file that declare tests.</summary>
    public static IEnumerable<string> TestClasses(string code) =>
        ClassDeclaration().Matches(code)
            .Where(match => TestMethod().IsMatch(code[match.Index..NextClass(code, match)]))
            .Select(match => match.Groups["name"].Value);

    /// <summary>How many tests (<c>[Fact]</c> and <c>[Theory]</c> methods) a C# snippet declares.</summary>
    public static int TestCount(string code) => TestMethod().Count(code);

    private static int NextClass(string code, Match declaration)
    {
        var next = ClassDeclaration().Match(code, declaration.Index + declaration.Length);
        return next.Success ? next.Index : code.Length;
    }

    /// <summary>From <paramref name="heading"/> to the next heading of the same level.</summary>
    public string Section(string heading)
    {
        var start = Text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The guide has no '{heading}' section.");
        var end = Text.IndexOf("\n## ", start + heading.Length + 1, StringComparison.Ordinal);
        return Text[start..(end < 0 ? Text.Length : end)];
    }

    [GeneratedRegex(@"`(?<template>async-(?:tests|hosted-tests|integration-tests))` → `(?<file>[\w./-]+\.cs)`")]
    private static partial Regex SampleReferencePattern();

    [GeneratedRegex(@"^## (?<number>\d+)\. .+\n", RegexOptions.Multiline)]
    private static partial Regex PracticeHeading();

    [GeneratedRegex(@"^### (?<number>\d+)\. (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex MistakeHeading();

    [GeneratedRegex(@"Caught by \*\*(?<rule>[A-Za-z]+\d+)\*\*")]
    private static partial Regex CaughtBy();

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^\| (?<rule>[A-Za-z]+\d+) \|", RegexOptions.Multiline)]
    private static partial Regex RuleRow();

    [GeneratedRegex(@"\bclass (?<name>\w+)")]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"\[(Fact|Theory)\b")]
    private static partial Regex TestMethod();
}

/// <summary>A generated file the guide points at: <c>`template` → `file`</c>.</summary>
public sealed record SampleReference(string Template, string File);

/// <summary>A common mistake: the rule the guide says rejects it, the wrong code and the right code.</summary>
public sealed record Mistake(int Number, string Title, string Rule, string Wrong, string Right);

/// <summary>Whether a practice's snippet is its wrong or its right version (or, a mistake of the guide, neither).</summary>
public enum SnippetKind
{
    Unmarked,
    Wrong,
    Right,
}

/// <summary>A C# snippet of practice <paramref name="Section"/> ("## N."), compiled by the guide's tests.</summary>
public sealed record PracticeSnippet(int Section, SnippetKind Kind, string Code)
{
    /// <summary>The file name the snippet is compiled under (a practice has at most one snippet of each kind).</summary>
    public string FileName => $"Practice{Section}{Kind}.cs";
}
