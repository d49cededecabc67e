using System.Text;
using AsyncTestTemplates.Authoring.Findings;

namespace AsyncTestTemplates.Authoring.Packaging;

/// <summary>
/// Copies templates/** into the folder the pack takes its content/ from, with the version tokens of
/// text files filled in (<see cref="VersionTokens"/>). Build output and user files left in a template
/// folder are never staged.
/// </summary>
public static class TemplateStager
{
    private static readonly string[] SkippedFolders = ["bin", "obj"];

    /// <param name="packVersion">
    /// The version this pack is being built with (a test run's unique prerelease, say): what the
    /// <see cref="VersionTokens.PackVersionToken"/> token becomes, rather than the value in Versions.props.
    /// </param>
    public static async Task<IReadOnlyList<Finding>> StageAsync(string templatesRoot, string destination, string versionsFile, string packVersion, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, string>(await VersionTokens.ReadAsync(versionsFile, cancellationToken), StringComparer.Ordinal)
        {
            [VersionTokens.PackVersionToken] = packVersion,
        };
        var findings = new List<Finding>();
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }

        foreach (var source in SourceFiles(templatesRoot))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(templatesRoot, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!VersionTokens.IsTextFile(source))
            {
                File.Copy(source, target, overwrite: true);
                continue;
            }

            var (text, unknown) = VersionTokens.Expand(await File.ReadAllTextAsync(source, cancellationToken), versions);
            findings.AddRange(unknown.Distinct().Select(name =>
                Finding.Error("TPL0100", $"Unknown version token '${{{name}}}': define {name} in {versionsFile}.", source)));
            await File.WriteAllTextAsync(target, text, new UTF8Encoding(false), cancellationToken);
        }

        return findings;
    }

    private static IEnumerable<string> SourceFiles(string templatesRoot) =>
        Directory.EnumerateFiles(templatesRoot, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(file => !Path.GetRelativePath(templatesRoot, file).Split('/', '\\').SkipLast(1).Any(SkippedFolders.Contains))
            .Where(file => !file.EndsWith(".user", StringComparison.OrdinalIgnoreCase))
            // The translators' record is the authoring tool's, not the engine's.
            .Where(file => Path.GetFileName(file) != Localization.TranslationRecord.FileName)
            .Order(StringComparer.Ordinal);
}
