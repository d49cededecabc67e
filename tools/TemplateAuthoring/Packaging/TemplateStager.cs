using System.Text;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Packaging;

/// <summary>
/// Copies templates/** into the folder the pack takes its content/ from, with the version tokens of
/// text files filled in (<see cref="VersionTokens"/>), and the runtime library's files a template
/// takes as its own (<see cref="LibraryFiles"/>). Build output and user files left in a template
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
        var versions = new Dictionary<string, string>(VersionTokens.Read(versionsFile), StringComparer.Ordinal)
        {
            [VersionTokens.PackVersionToken] = packVersion,
        };
        var findings = new List<Finding>();
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }

        var merged = await MergedConfigurationAsync(templatesRoot, cancellationToken);
        foreach (var source in SourceFiles(templatesRoot).Concat(merged.Keys).Distinct(StringComparer.Ordinal))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(templatesRoot, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!merged.ContainsKey(source) && !VersionTokens.IsTextFile(source))
            {
                File.Copy(source, target, overwrite: true);
                continue;
            }

            var original = merged.TryGetValue(source, out var rendered) ? rendered : await File.ReadAllTextAsync(source, cancellationToken);
            var (text, unknown) = VersionTokens.Expand(original, versions);
            findings.AddRange(unknown.Distinct().Select(name =>
                Finding.Error("TPL0100", $"Unknown version token '${{{name}}}': define {name} in {versionsFile}.", source)));
            await File.WriteAllTextAsync(target, text, new UTF8Encoding(false), cancellationToken);
        }

        // Files of the runtime library a template takes as its own (LibraryFiles).
        foreach (var list in Directory.EnumerateFiles(Path.GetFullPath(templatesRoot), LibraryFiles.FileName, SearchOption.AllDirectories)
                     .Where(file => Path.GetFileName(Path.GetDirectoryName(file)) == ".template.config")
                     .Order(StringComparer.Ordinal))
        {
            var template = Path.GetDirectoryName(Path.GetDirectoryName(list))!;
            findings.AddRange(await LibraryFiles.StageAsync(template, Path.Combine(destination, Path.GetRelativePath(templatesRoot, template)), cancellationToken));
        }

        return findings;
    }

    /// <summary>
    /// The configuration files of every template that takes shared options, as the engine must read
    /// them (<see cref="SharedOptions.Merge"/>): full path → text.
    /// </summary>
    private static async Task<Dictionary<string, string>> MergedConfigurationAsync(string templatesRoot, CancellationToken cancellationToken)
    {
        var (templates, _) = await TemplateLoader.LoadAsync(templatesRoot, cancellationToken);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var template in templates.Where(t => t.SharedSymbols.Count > 0))
        {
            foreach (var json in (JsonFile?[])[template.Template, template.CliHost, template.IdeHost, .. template.Localizations.Select(l => l.Json)])
            {
                if (json is not null)
                {
                    files[Path.GetFullPath(json.Path)] = Localization.Localizer.RenderJson(json.Root);
                }
            }
        }

        return files;
    }

    private static IEnumerable<string> SourceFiles(string templatesRoot) =>
        Directory.EnumerateFiles(Path.GetFullPath(templatesRoot), "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(file => !Path.GetRelativePath(templatesRoot, file).Split('/', '\\').SkipLast(1).Any(SkippedFolders.Contains))
            // The shared options reach the package merged into each template that takes them.
            .Where(file => Path.GetRelativePath(templatesRoot, file).Split('/', '\\')[0] != SharedOptions.FolderName)
            .Where(file => !file.EndsWith(".user", StringComparison.OrdinalIgnoreCase))
            // The translators' record is the authoring tool's, not the engine's.
            .Where(file => Path.GetFileName(file) != Localization.TranslationRecord.FileName)
            // So is the list of library files a template takes (they are staged in its place).
            .Where(file => Path.GetFileName(file) != LibraryFiles.FileName)
            .Order(StringComparer.Ordinal);
}
