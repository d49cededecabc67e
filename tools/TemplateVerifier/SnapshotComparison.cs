using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace AsyncTestTemplates.Verification;

/// <summary>Compares two snapshots (relative path → text) and describes every difference.</summary>
public static class SnapshotComparison
{
    private const int ContextLines = 2;

    /// <summary>An empty string when both hold the same files with the same text.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> verified, IReadOnlyDictionary<string, string> received)
    {
        var report = new StringBuilder();
        foreach (var path in received.Keys.Except(verified.Keys).Order(StringComparer.Ordinal))
        {
            report.Append($"new file: {path}\n");
        }

        foreach (var path in verified.Keys.Except(received.Keys).Order(StringComparer.Ordinal))
        {
            report.Append($"deleted file: {path}\n");
        }

        foreach (var path in verified.Keys.Intersect(received.Keys).Order(StringComparer.Ordinal))
        {
            if (verified[path] != received[path])
            {
                report.Append($"changed file: {path}\n").Append(Diff(verified[path], received[path]));
            }
        }

        return report.ToString();
    }

    private static string Diff(string verified, string received)
    {
        var lines = InlineDiffBuilder.Diff(verified, received, ignoreWhiteSpace: false).Lines;
        var shown = new HashSet<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type != ChangeType.Unchanged)
            {
                shown.UnionWith(Enumerable.Range(i - ContextLines, (2 * ContextLines) + 1).Where(j => j >= 0 && j < lines.Count));
            }
        }

        var report = new StringBuilder();
        var previous = -1;
        foreach (var i in shown.Order())
        {
            if (previous >= 0 && i > previous + 1)
            {
                report.Append("  ...\n");
            }

            var prefix = lines[i].Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            report.Append(prefix).Append(lines[i].Text).Append('\n');
            previous = i;
        }

        return report.ToString();
    }
}
