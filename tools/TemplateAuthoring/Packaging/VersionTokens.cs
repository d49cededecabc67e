using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AsyncTestTemplates.Authoring.Packaging;

/// <summary>
/// The <c>${Name}</c> tokens of template files, filled in from build/Versions.props when the pack is
/// staged (<see cref="TemplateStager"/>) and checked by the validator (TPL0011, TPL0100): one token
/// pattern and one list of text files for both.
/// </summary>
public static partial class VersionTokens
{
    /// <summary>The token that stands for the pack's own version, whatever Versions.props says when packing.</summary>
    public const string PackVersionToken = "AsyncTestTemplatesVersion";

    // Extensions of the template files tokens are expanded in; "" for dotfiles such as .editorconfig.
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
        { ".cs", ".csproj", ".props", ".targets", ".json", ".runsettings", ".md", ".txt", ".editorconfig", ".xml", ".yml", "" };

    /// <summary><c>${XunitV3Version}</c>: group 1 is the property name.</summary>
    [GeneratedRegex(@"\$\{([A-Za-z][A-Za-z0-9]*)\}")]
    public static partial Regex Token();

    /// <summary>Whether tokens are expanded in this file (everything else is copied byte for byte).</summary>
    public static bool IsTextFile(string path) => TextExtensions.Contains(Path.GetExtension(path));

    /// <summary>
    /// Every property of Versions.props: name → value. The one reader of that file outside MSBuild:
    /// staging and validation here, the tests (<c>PackageVersions</c>), and scripts through
    /// <c>TemplateAuthoring versions</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Read(string versionsFile)
    {
        var document = XDocument.Load(versionsFile);
        // As in MSBuild, a property defined twice takes its last value.
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.Root!.Elements("PropertyGroup").Elements())
        {
            versions[property.Name.LocalName] = property.Value.Trim();
        }

        return versions;
    }

    /// <summary>
    /// <paramref name="text"/> with each known token replaced by its value; unknown tokens are left as
    /// they are and returned, so the caller can report them.
    /// </summary>
    public static (string Text, IReadOnlyList<string> Unknown) Expand(string text, IReadOnlyDictionary<string, string> versions)
    {
        var unknown = new List<string>();
        var expanded = Token().Replace(text, match =>
        {
            if (versions.TryGetValue(match.Groups[1].Value, out var value))
            {
                return value;
            }

            unknown.Add(match.Groups[1].Value);
            return match.Value;
        });
        return (expanded, unknown);
    }
}
