using System.Text.Json;
using AsyncTestTemplates.Authoring.Findings;

namespace AsyncTestTemplates.Authoring.Model;

/// <summary>Finds every template under a root (any depth, project and item templates alike) and reads its configuration.</summary>
public static class TemplateLoader
{
    public const string InvalidJsonCode = "TPL0015";

    public static async Task<(IReadOnlyList<TemplateFolder> Templates, IReadOnlyList<Finding> Findings)> LoadAsync(
        string templatesRoot, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(templatesRoot);
        var templates = new List<TemplateFolder>();
        var findings = new List<Finding>();

        foreach (var configDirectory in FindConfigDirectories(root))
        {
            var directory = Path.GetDirectoryName(configDirectory)!;
            var name = Path.GetRelativePath(root, directory).Replace('\\', '/');
            var template = await ReadAsync(Path.Combine(configDirectory, "template.json"), findings, cancellationToken);
            if (template is null)
            {
                continue;
            }

            var ideHost = await ReadAsync(Path.Combine(configDirectory, "ide.host.json"), findings, cancellationToken);
            var cliHost = await ReadAsync(Path.Combine(configDirectory, "dotnetcli.host.json"), findings, cancellationToken);
            var localizations = new List<LocalizationFile>();
            var localizeDirectory = Path.Combine(configDirectory, "localize");
            if (Directory.Exists(localizeDirectory))
            {
                foreach (var path in Directory.GetFiles(localizeDirectory, $"{LocalizationFile.Prefix}*{LocalizationFile.Suffix}").Order(StringComparer.Ordinal))
                {
                    var fileName = Path.GetFileName(path);
                    var culture = fileName[LocalizationFile.Prefix.Length..^LocalizationFile.Suffix.Length];
                    if (await ReadAsync(path, findings, cancellationToken) is { } json)
                    {
                        localizations.Add(new LocalizationFile(culture, json));
                    }
                }
            }

            templates.Add(new TemplateFolder(name, directory, template, ideHost, cliHost, localizations));
        }

        return (templates, findings);
    }

    private static IEnumerable<string> FindConfigDirectories(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateDirectories(root, TemplateFolder.ConfigFolderName, SearchOption.AllDirectories)
                .Where(d => !IsBuildOutput(Path.GetRelativePath(root, d)) && File.Exists(Path.Combine(d, "template.json")))
                .Order(StringComparer.Ordinal)
            : [];

    // A generated project built inside templates/ leaves bin/ and obj/ copies that are not templates.
    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split('/', '\\').Any(part => part is "bin" or "obj");

    private static async Task<JsonFile?> ReadAsync(string path, List<Finding> findings, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonFile.ReadAsync(path, cancellationToken);
        }
        catch (JsonException e)
        {
            findings.Add(Finding.Error(InvalidJsonCode, $"'{Path.GetFileName(path)}' is not a valid JSON object: {e.Message}", path));
            return null;
        }
    }
}
