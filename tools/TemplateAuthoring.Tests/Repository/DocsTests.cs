using AsyncTestTemplates.Authoring.Model;
using System.Text.RegularExpressions;

namespace AsyncTestTemplates.Authoring.Tests.Repository;

/// <summary>
/// Each thing the docs say is said once: a paragraph or a table written twice drifts (the options
/// table once lived in README.md and docs/project-options.md and disagreed on five rows).
/// </summary>
public sealed partial class DocsTests
{
    // Shorter paragraphs (a one-line pointer, "Run the tests:") may repeat on purpose.
    private const int ParagraphMinimumLength = 160;

    [Fact]
    public void No_paragraph_is_written_twice()
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var repeated = new List<string>();
        foreach (var (file, text) in Pages())
        {
            foreach (var paragraph in Paragraphs(text).Where(p => p.Length >= ParagraphMinimumLength))
            {
                if (!seen.TryAdd(paragraph, file))
                {
                    repeated.Add($"{seen[paragraph]} and {file}: {paragraph[..80]}…");
                }
            }
        }

        Assert.True(repeated.Count == 0, "Paragraphs written twice (link to one place instead):\n" + string.Join('\n', repeated));
    }

    [Fact]
    public void No_table_is_written_twice()
    {
        // Two tables are one table written twice when they have the same header and first column.
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var repeated = new List<string>();
        foreach (var (file, text) in Pages())
        {
            foreach (var table in Tables(text))
            {
                var key = table.Header + "\n" + string.Join('\n', table.FirstColumn.Order(StringComparer.Ordinal));
                if (!seen.TryAdd(key, file))
                {
                    repeated.Add($"{seen[key]} and {file}: {table.Header}");
                }
            }
        }

        Assert.True(repeated.Count == 0, "Tables written twice (link to one place instead):\n" + string.Join('\n', repeated));
    }

    [Fact]
    public void Counts_in_words_match_the_repository()
    {
        var templates = TemplateCatalog.All;
        var actual = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            // The template package, and each package of src/ with a page of its own (the analyzers ship inside the library).
            ["packages"] = 1 + Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src"))
                .Count(folder => File.Exists(Path.Combine(folder, "README.md"))),
            ["templates"] = templates.Count,
            ["project templates"] = templates.Count(t => t.Kind == TemplateKind.TestProject),
            ["item templates"] = templates.Count(t => t.Kind == TemplateKind.Item),
        };
        string[] numbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
        var wrong = new List<string>();
        foreach (var (file, text) in Pages())
        {
            // Prose only: a rule table's "two templates of the pack share an identity" is no count.
            foreach (Match count in Paragraphs(text).SelectMany(paragraph => CountInWords().Matches(paragraph)))
            {
                var said = Array.IndexOf(numbers, count.Groups["number"].Value.ToLowerInvariant());
                var what = count.Groups["what"].Value.ToLowerInvariant();
                if (actual.TryGetValue(what, out var real) && said != real)
                {
                    wrong.Add($"{file}: '{count.Value}', but there are {real}");
                }
            }
        }

        Assert.True(actual["packages"] > 0 && actual["templates"] > 0, "No packages or templates found.");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Every_link_to_a_heading_names_a_heading_of_its_page()
    {
        // The guide's sections link to each other (§ 13 to mistake 14 and back); the analyzers' help links
        // point at its headings too. A renamed heading must not leave a link behind.
        var broken = new List<string>();
        var linked = 0;
        foreach (var (file, text) in Pages())
        {
            var prose = WithoutCode(text);
            var anchors = prose.Split('\n').Where(line => line.StartsWith('#')).Select(Anchor).ToHashSet(StringComparer.Ordinal);
            foreach (Match link in LinkToHeading().Matches(prose))
            {
                linked++;
                if (!anchors.Contains(link.Groups["anchor"].Value))
                {
                    broken.Add($"{file}: #{link.Groups["anchor"].Value}");
                }
            }
        }

        Assert.True(linked > 0, "No link to a heading found: the check looks at nothing.");
        Assert.True(broken.Count == 0, "Links to headings that do not exist:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void The_checks_find_what_they_look_for()
    {
        // The splitters above must see real paragraphs and tables, or the tests pass on nothing.
        const string Sample = "Intro.\n\n| a | b |\n| --- | --- |\n| `x` | 1 |\n| `y` | 2 |\n\nA paragraph\nover two lines.\n\n```bash\ncode\n```\n";

        Assert.Equal(["Intro.", "A paragraph over two lines."], Paragraphs(Sample));
        var table = Assert.Single(Tables(Sample));
        Assert.Equal("| a | b |", table.Header);
        Assert.Equal(["`x`", "`y`"], table.FirstColumn);
        Assert.Contains(Pages(), page => page.File == "README.md");
        Assert.Contains(Pages(), page => page.File == "docs/project-options.md");
    }

    /// <summary>
    /// The pages people read: README, CONTRIBUTING, docs/ and each package's readme. Records of runs
    /// (docs/*-results.md) are left out: each dated run rightly repeats the table of the one before.
    /// </summary>
    private static IReadOnlyList<(string File, string Text)> Pages() =>
        new[] { "README.md", "CONTRIBUTING.md" }
            .Select(file => Path.Combine(RepositoryPaths.Root, file))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md", SearchOption.AllDirectories)
                .Where(file => !file.EndsWith("-results.md", StringComparison.Ordinal)))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "README.md", SearchOption.AllDirectories)
                .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                               && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(file => (Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'), File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal)))
            .ToList();

    /// <summary>Prose paragraphs, lines joined: no code blocks, tables, headings or list items' markers.</summary>
    private static List<string> Paragraphs(string text) =>
        Blocks(WithoutCode(text))
            .Where(block => !block[0].StartsWith('|') && !block[0].StartsWith('#'))
            .Select(block => string.Join(' ', block.Select(line => line.Trim())))
            .ToList();

    private static List<(string Header, List<string> FirstColumn)> Tables(string text) =>
        Blocks(WithoutCode(text))
            .Where(block => block.Count > 2 && block[0].StartsWith('|') && block[1].StartsWith("| ---", StringComparison.Ordinal))
            .Select(block => (block[0].Trim(), block.Skip(2).Select(row => row.Split('|', StringSplitOptions.TrimEntries)[1]).ToList()))
            .ToList();

    private static IEnumerable<List<string>> Blocks(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(block => block.Split('\n').ToList());

    private static string WithoutCode(string text) => CodeBlock().Replace(text, "\n\n");

    /// <summary>The anchor GitHub gives a heading: lower case, spaces to hyphens, punctuation other than hyphens dropped.</summary>
    private static string Anchor(string heading) =>
        new([.. heading.TrimStart('#').Trim().ToLowerInvariant().Replace(' ', '-').Where(c => char.IsLetterOrDigit(c) || c is '-' or '_')]);

    [GeneratedRegex(@"\]\(#(?<anchor>[^)\s]+)\)")]
    private static partial Regex LinkToHeading();

    [GeneratedRegex(@"^```.*?^```[^\n]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"\b(?<number>zero|one|two|three|four|five|six|seven|eight|nine|ten) (?<what>packages|templates|project templates|item templates)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountInWords();
}
