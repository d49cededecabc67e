using System.Text;
using System.Text.RegularExpressions;

namespace AsyncTestTemplates.Authoring.Packaging;

/// <summary>
/// The readme inside the template package (the nuget.org page): the page written for package users,
/// then the async testing guide. nuget.org follows neither links into the repository nor links to
/// headings, so such links become their plain text; links to web addresses are kept.
/// </summary>
public static partial class PackageReadme
{
    public static async Task WriteAsync(string pageFile, string guideFile, string destination, CancellationToken cancellationToken)
    {
        var page = await File.ReadAllTextAsync(pageFile, cancellationToken);
        var guide = await File.ReadAllTextAsync(guideFile, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        await File.WriteAllTextAsync(destination, Compose(page, guide), new UTF8Encoding(false), cancellationToken);
    }

    /// <summary>The page and the guide, LF line ends, local links as plain text.</summary>
    public static string Compose(string page, string guide)
    {
        var text = Normalize(page).TrimEnd() + "\n\n---\n\n" + Normalize(guide);
        return LocalLink().Replace(text, "$1");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    // [text](target) where target is not a web or mail address: a file in the repository or a heading.
    [GeneratedRegex(@"\[([^\]]+)\]\((?!https?:|mailto:)[^)]+\)")]
    private static partial Regex LocalLink();
}
