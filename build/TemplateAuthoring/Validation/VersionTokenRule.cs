using System.Text.RegularExpressions;
using System.Xml.Linq;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// ATT0011 and ATT0100: every package version a template emits comes from build/Versions.props,
/// as a <c>${Name}</c> token that packing fills in (build/TemplatePackaging.targets, which reports
/// an unknown token with the same ATT0100). A literal version escapes the one place versions are
/// kept; an unknown token would ship as text.
/// </summary>
public sealed partial class VersionTokenRule(string versionsFile)
{
    // The files packing expands tokens in (build/TemplatePackaging.targets).
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
        { ".cs", ".csproj", ".props", ".targets", ".json", ".runsettings", ".md", ".txt", ".editorconfig", ".xml", ".yml", "" };

    public async Task<IReadOnlyList<Finding>> CheckAsync(IReadOnlyList<TemplateFolder> templates, CancellationToken cancellationToken)
    {
        var versions = await ReadVersionsAsync(cancellationToken);
        var findings = new List<Finding>();
        foreach (var file in templates.SelectMany(t => TextFiles(t.Directory)))
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            foreach (Match token in VersionToken().Matches(text))
            {
                if (!versions.Contains(token.Groups[1].Value))
                {
                    findings.Add(Finding.Error("ATT0100",
                        $"Unknown version token '{token.Value}': define {token.Groups[1].Value} in {versionsFile}.", file));
                }
            }

            if (IsMSBuildFile(file))
            {
                foreach (Match reference in PackageVersion().Matches(text))
                {
                    var version = reference.Groups["version"].Value;
                    if (VersionToken().Match(version) is not { Success: true } match || match.Value != version)
                    {
                        findings.Add(Finding.Error("ATT0011",
                            $"Package '{reference.Groups["package"].Value}' has the literal version '{version}': use a ${{Name}} token defined in Versions.props.", file));
                    }
                }
            }
        }

        return findings;
    }

    private async Task<HashSet<string>> ReadVersionsAsync(CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(versionsFile);
        var document = await XDocument.LoadAsync(stream, LoadOptions.None, cancellationToken);
        return document.Root!.Elements("PropertyGroup").Elements().Select(e => e.Name.LocalName).ToHashSet(StringComparer.Ordinal);
    }

    // Files of the template (its .template.config included), never build output left in the folder.
    private static IEnumerable<string> TextFiles(string templateDirectory) =>
        Directory.EnumerateFiles(templateDirectory, "*", SearchOption.AllDirectories)
            .Where(f => TextExtensions.Contains(Path.GetExtension(f)))
            .Where(f => !Path.GetRelativePath(templateDirectory, f).Split('/', '\\').Any(p => p is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    private static bool IsMSBuildFile(string file) =>
        Path.GetExtension(file) is var extension && (extension.EndsWith("proj", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".props", StringComparison.OrdinalIgnoreCase) || extension.Equals(".targets", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"\$\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex VersionToken();

    [GeneratedRegex(@"<Package(?:Reference|Version)\s+(?:Include|Update)=""(?<package>[^""]+)""\s+Version=""(?<version>[^""]*)""")]
    private static partial Regex PackageVersion();
}
