using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Localization;
using AsyncTestTemplates.Authoring.Model;
using AsyncTestTemplates.Authoring.Validation;

namespace AsyncTestTemplates.Authoring.Tests.Drafts;

/// <summary>
/// Draft templates written to a temp folder (templates/&lt;name&gt;/… and a Versions.props), and the
/// validator and localizer run over it. Findings come back with paths relative to that folder,
/// formatted exactly as the build prints them.
/// </summary>
public sealed class DraftPack : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly TemporaryDirectory _root = new("authoring");

    public DraftPack(params string[] templateNames) =>
        Templates = templateNames.Select(name => new DraftTemplate(name)).ToList();

    public IReadOnlyList<DraftTemplate> Templates { get; }

    public DraftTemplate Single => Templates.Single();

    public string TemplatesRoot => _root.Combine("templates");

    public string VersionsFile => _root.Combine("Versions.props");

    /// <summary>The properties of the Versions.props written beside the templates.</summary>
    public Dictionary<string, string> Versions { get; } = new() { ["XunitV3Version"] = "4.0.2" };

    public string PathOf(DraftTemplate template, params string[] parts) => Path.Combine([TemplatesRoot, template.Name, .. parts]);

    /// <summary>templates/_options/ as <see cref="Share"/> left it (null until then): symbols.json, the two host files, the strings by culture.</summary>
    public DraftTemplate? Shared { get; private set; }

    public string SharedPath(params string[] parts) => Path.Combine([TemplatesRoot, SharedOptions.FolderName, .. parts]);

    /// <summary>
    /// Moves the named symbols of every draft that has them (and their host entries) into
    /// templates/_options/, and lists them in each such draft's "$sharedSymbols".
    /// </summary>
    public void Share(params string[] names)
    {
        Shared ??= DraftTemplate.Empty();
        foreach (var template in Templates)
        {
            var listed = template.Template[SharedOptions.ListMember] as JsonArray ?? [];
            template.Template[SharedOptions.ListMember] = listed;
            foreach (var name in names.Where(name => template.Template["symbols"]![name] is not null))
            {
                var symbols = template.Template["symbols"]!.AsObject();
                Shared.Template["symbols"]![name] ??= symbols[name]!.DeepClone();
                symbols.Remove(name);
                if (template.CliHost?["symbolInfo"]?[name] is { } cli)
                {
                    Shared.CliHost!["symbolInfo"]![name] ??= cli.DeepClone();
                    template.CliHost["symbolInfo"]!.AsObject().Remove(name);
                }

                if (template.IdeHost?["symbolInfo"] is JsonArray ide && ide.FirstOrDefault(e => (string?)e?["id"] == name) is { } entry)
                {
                    var shared = Shared.IdeHost!["symbolInfo"]!.AsArray();
                    if (!shared.Any(e => (string?)e?["id"] == name))
                    {
                        shared.Add(entry.DeepClone());
                    }

                    ide.Remove(entry);
                }

                listed.Add(name);
            }
        }
    }

    public async Task<IReadOnlyList<string>> ValidateAsync(CancellationToken cancellationToken)
    {
        await WriteAsync(cancellationToken);
        return await ValidateAsWrittenAsync(cancellationToken);
    }

    /// <summary>Validates the files as they are on disk, for a test that broke one by hand after <see cref="WriteAsync"/>.</summary>
    public async Task<IReadOnlyList<string>> ValidateAsWrittenAsync(CancellationToken cancellationToken) =>
        Describe(await TemplateValidator.ValidateAsync(TemplatesRoot, VersionsFile, cancellationToken));

    public async Task<IReadOnlyList<string>> LocalizeAsync(bool checkOnly, CancellationToken cancellationToken)
    {
        await WriteAsync(cancellationToken);
        return Describe(await Localizer.LocalizeAsync(TemplatesRoot, checkOnly, cancellationToken));
    }

    /// <summary>
    /// Writes every template's English file, a translation of it into each other culture of the pack
    /// ("[de] " before each English text) and the record that they are translated from it: a pack the
    /// localization check passes, for a test to break in one way.
    /// </summary>
    public async Task TranslateAllAsync(CancellationToken cancellationToken)
    {
        await LocalizeAsync(checkOnly: false, cancellationToken);
        foreach (var (template, localize) in Templates.Select(t => ((DraftTemplate?)t, PathOf(t, ".template.config", "localize"))).Append((Shared, SharedPath("localize"))))
        {
            if (template is null)
            {
                continue;
            }

            var english = DraftTemplate.Parse(await File.ReadAllTextAsync(Path.Combine(localize, "templatestrings.en.json"), cancellationToken));
            foreach (var culture in Localizer.TranslatedCultures)
            {
                template.Localizations[culture] = new JsonObject(english.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)$"[{culture}] {m.Value}")));
            }
        }

        await WriteAsync(cancellationToken);
        await RecordTranslatedAsync(Localizer.TranslatedCultures.ToList(), [], cancellationToken);
    }

    /// <summary>What <c>localize --translated</c> does: how many keys it recorded, and the check's findings after it.</summary>
    public async Task<(int Recorded, IReadOnlyList<string> Findings)> RecordTranslatedAsync(IReadOnlyCollection<string> cultures, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await WriteAsync(cancellationToken);
        var (recorded, findings) = await Localizer.RecordTranslatedAsync(TemplatesRoot, cultures, [], keys, cancellationToken);
        return (recorded, Describe(findings));
    }

    /// <summary>Writes the drafts (again); files a test wrote itself are left alone.</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        var versions = string.Concat(Versions.Select(v => $"<{v.Key}>{v.Value}</{v.Key}>"));
        await File.WriteAllTextAsync(VersionsFile, $"<Project><PropertyGroup>{versions}</PropertyGroup></Project>", cancellationToken);
        foreach (var template in Templates)
        {
            await WriteJsonAsync(PathOf(template, ".template.config", "template.json"), template.Template, cancellationToken);
            await WriteJsonAsync(PathOf(template, ".template.config", "ide.host.json"), template.IdeHost, cancellationToken);
            await WriteJsonAsync(PathOf(template, ".template.config", "dotnetcli.host.json"), template.CliHost, cancellationToken);
            foreach (var (culture, strings) in template.Localizations)
            {
                await WriteJsonAsync(PathOf(template, ".template.config", "localize", $"templatestrings.{culture}.json"), strings, cancellationToken);
            }

            foreach (var (relativePath, content) in template.Files)
            {
                await WriteTextAsync(PathOf(template, relativePath), content, cancellationToken);
            }
        }

        if (Shared is not null)
        {
            await WriteJsonAsync(SharedPath(SharedOptions.SymbolsFile), Shared.Template, cancellationToken);
            await WriteJsonAsync(SharedPath("ide.host.json"), Shared.IdeHost, cancellationToken);
            await WriteJsonAsync(SharedPath("dotnetcli.host.json"), Shared.CliHost, cancellationToken);
            foreach (var (culture, strings) in Shared.Localizations)
            {
                await WriteJsonAsync(SharedPath("localize", $"templatestrings.{culture}.json"), strings, cancellationToken);
            }
        }
    }

    public static async Task WriteTextAsync(string path, string content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content, cancellationToken);
    }

    public void Dispose() => _root.Dispose();

    private static async Task WriteJsonAsync(string path, JsonObject? json, CancellationToken cancellationToken)
    {
        if (json is null)
        {
            File.Delete(path);
            return;
        }

        await WriteTextAsync(path, json.ToJsonString(Indented), cancellationToken);
    }

    // "templates/a/.template.config/template.json : Template configuration error MV002: Missing 'name'."
    private IReadOnlyList<string> Describe(IReadOnlyList<Finding> findings) =>
        findings.Select(f => (f with { File = Path.GetRelativePath(_root.Path, f.File).Replace('\\', '/') }).ToString()).ToList();
}
