using System.Text.RegularExpressions;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.Guide;

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

    /// <summary>The rule ids in the table of "## The rules".</summary>
    public IReadOnlyList<string> Rules => [.. RuleRow().Matches(Section("## The rules")).Select(match => match.Groups["rule"].Value)];

    public static AsyncTestingGuide Load() => new(File.ReadAllText(Path).ReplaceLineEndings("\n"));

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

    [GeneratedRegex(@"^### (?<number>\d+)\. (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex MistakeHeading();

    [GeneratedRegex(@"Caught by \*\*(?<rule>[A-Za-z]+\d+)\*\*")]
    private static partial Regex CaughtBy();

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^\| (?<rule>[A-Za-z]+\d+) \|", RegexOptions.Multiline)]
    private static partial Regex RuleRow();
}

/// <summary>A generated file the guide points at: <c>`template` → `file`</c>.</summary>
public sealed record SampleReference(string Template, string File);

/// <summary>A common mistake: the rule the guide says rejects it, the wrong code and the right code.</summary>
public sealed record Mistake(int Number, string Title, string Rule, string Wrong, string Right);
