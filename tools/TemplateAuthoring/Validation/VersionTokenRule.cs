using System.Text.RegularExpressions;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;
using AsyncTestTemplates.Authoring.Packaging;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// TPL0011 and TPL0100: every package version a template emits comes from build/Versions.props,
/// as a <c>${Name}</c> token (<see cref="VersionTokens"/>) that staging fills in
/// (<see cref="TemplateStager"/>, which reports an unknown token with the same TPL0100). A literal
/// version escapes the one place versions are kept; an unknown token would ship as text.
/// </summary>
public sealed partial class VersionTokenRule(string versionsFile)
{
    public async Task<IReadOnlyList<Finding>> CheckAsync(IReadOnlyList<TemplateFolder> templates, CancellationToken cancellationToken)
    {
        var versions = VersionTokens.Read(versionsFile);
        var findings = new List<Finding>();
        foreach (var file in templates.SelectMany(t => TextFiles(t.Directory)))
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            foreach (Match token in VersionTokens.Token().Matches(text))
            {
                if (!versions.ContainsKey(token.Groups[1].Value))
                {
                    findings.Add(Finding.Error("TPL0100",
                        $"Unknown version token '{token.Value}': define {token.Groups[1].Value} in {versionsFile}.", file));
                }
            }

            if (IsMSBuildFile(file))
            {
                foreach (Match reference in PackageVersion().Matches(text))
                {
                    var version = reference.Groups["version"].Value;
                    // An MSBuild property ($(AsyncTestTemplatesSdkVersion), the project SDK's own version) is no literal.
                    if (PropertyReference().IsMatch(version))
                    {
                        continue;
                    }

                    if (VersionTokens.Token().Match(version) is not { Success: true } match || match.Value != version)
                    {
                        findings.Add(Finding.Error("TPL0011",
                            $"Package '{reference.Groups["package"].Value}' has the literal version '{version}': use a ${{Name}} token defined in Versions.props.", file));
                    }
                }
            }
        }

        return findings;
    }

    // Files of the template (its .template.config included), never build output left in the folder.
    private static IEnumerable<string> TextFiles(string templateDirectory) =>
        Directory.EnumerateFiles(templateDirectory, "*", SearchOption.AllDirectories)
            .Where(VersionTokens.IsTextFile)
            .Where(f => !Path.GetRelativePath(templateDirectory, f).Split('/', '\\').Any(p => p is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    private static bool IsMSBuildFile(string file) =>
        Path.GetExtension(file) is var extension && (extension.EndsWith("proj", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".props", StringComparison.OrdinalIgnoreCase) || extension.Equals(".targets", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"<Package(?:Reference|Version)\s+(?:Include|Update)=""(?<package>[^""]+)""\s+Version=""(?<version>[^""]*)""|<Project\s+Sdk=""(?<package>[^""/]+)/(?<version>[^""]*)""")]
    private static partial Regex PackageVersion();

    [GeneratedRegex(@"^\$\([A-Za-z_][A-Za-z0-9_.]*\)$")]
    private static partial Regex PropertyReference();
}
