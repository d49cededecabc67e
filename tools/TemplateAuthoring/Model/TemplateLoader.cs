using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncTestTemplates.Authoring.Findings;

namespace AsyncTestTemplates.Authoring.Model;

/// <summary>Finds every template under a root (any depth, project and item templates alike) and reads its configuration.</summary>
public static class TemplateLoader
{
    public const string InvalidJsonCode = "TPL0015";

    public const string UnknownSharedSymbolCode = "TPL0023";
    public const string SharedSymbolRedefinedCode = "TPL0024";

    /// <summary>Every template as the engine will read it once staged: the shared options it lists merged in.</summary>
    public static async Task<(IReadOnlyList<TemplateFolder> Templates, IReadOnlyList<Finding> Findings)> LoadAsync(
        string templatesRoot, CancellationToken cancellationToken)
    {
        var (raw, shared, findings) = await LoadRawAsync(templatesRoot, cancellationToken);
        if (shared is null)
        {
            findings.AddRange(raw.Where(t => SharedOptions.ListedBy(t.Template.Root).Count > 0).Select(t => Finding.Error(UnknownSharedSymbolCode,
                $"'{SharedOptions.ListMember}' lists shared options, but there is no {SharedOptions.FolderName}/{SharedOptions.SymbolsFile} beside the templates.", t.Template.Path)));
            return (raw, findings);
        }

        foreach (var template in raw)
        {
            var own = template.Template.Root["symbols"] as JsonObject ?? [];
            foreach (var name in SharedOptions.ListedBy(template.Template.Root))
            {
                if (shared.Symbols[name] is not JsonObject)
                {
                    findings.Add(Finding.Error(UnknownSharedSymbolCode, $"'{SharedOptions.ListMember}' lists '{name}', which {SharedOptions.FolderName}/{SharedOptions.SymbolsFile} does not define.", template.Template.Path));
                }
                else if (own[name] is not null)
                {
                    findings.Add(Finding.Error(SharedSymbolRedefinedCode, $"Symbol '{name}' is defined here and also taken from {SharedOptions.FolderName}/{SharedOptions.SymbolsFile}: define it in one place.", template.Template.Path));
                }
            }
        }

        return (raw.Select(shared.Merge).ToList(), findings);
    }

    /// <summary>
    /// What carries strings of its own: every template as written (its own symbols only) and, where
    /// there is one, the shared options' folder (named <see cref="SharedOptions.FolderName"/>).
    /// </summary>
    public static async Task<(IReadOnlyList<TemplateFolder> Units, IReadOnlyList<Finding> Findings)> LoadLocalizationUnitsAsync(
        string templatesRoot, CancellationToken cancellationToken)
    {
        var (raw, shared, findings) = await LoadRawAsync(templatesRoot, cancellationToken);
        return (shared is null ? raw : [.. raw, shared.Unit], findings);
    }

    private static async Task<(List<TemplateFolder> Templates, SharedOptions? Shared, List<Finding> Findings)> LoadRawAsync(
        string templatesRoot, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(templatesRoot);
        var templates = new List<TemplateFolder>();
        var findings = new List<Finding>();

        foreach (var configDirectory in TemplateCatalogue.ConfigDirectories(root))
        {
            var directory = Path.GetDirectoryName(configDirectory)!;
            var name = Path.GetRelativePath(root, directory).Replace('\\', '/');
            var template = await ReadAsync(Path.Combine(configDirectory, "template.json"), findings, cancellationToken);
            if (template is null)
            {
                continue;
            }

            templates.Add(await ReadFolderAsync(name, directory, configDirectory, template, findings, cancellationToken));
        }

        var sharedDirectory = Path.Combine(root, SharedOptions.FolderName);
        SharedOptions? shared = null;
        if (await ReadAsync(Path.Combine(sharedDirectory, SharedOptions.SymbolsFile), findings, cancellationToken) is { } symbols)
        {
            shared = new SharedOptions(await ReadFolderAsync(SharedOptions.FolderName, sharedDirectory, sharedDirectory, symbols, findings, cancellationToken));
        }

        return (templates, shared, findings);
    }

    private static async Task<TemplateFolder> ReadFolderAsync(string name, string directory, string configDirectory, JsonFile template, List<Finding> findings, CancellationToken cancellationToken)
    {
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

        return new TemplateFolder(name, directory, template, ideHost, cliHost, localizations) { ConfigDirectory = configDirectory };
    }

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
