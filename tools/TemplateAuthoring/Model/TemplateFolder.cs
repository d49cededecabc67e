using System.Text.Json.Nodes;

namespace AsyncTestTemplates.Authoring.Model;

/// <summary>One template: its folder, the .template.config files read from it, and how messages name it.</summary>
public sealed record TemplateFolder(
    string Name,
    string Directory,
    JsonFile Template,
    JsonFile? IdeHost,
    JsonFile? CliHost,
    IReadOnlyList<LocalizationFile> Localizations)
{
    public const string ConfigFolderName = ".template.config";

    /// <summary>Where template.json, the host files and localize/ are: .template.config/ (the shared options' folder itself).</summary>
    public string ConfigDirectory { get; init; } = Path.Combine(Directory, ConfigFolderName);

    /// <summary>The symbols this template takes from the shared options (<c>"$sharedSymbols"</c>), already merged into <see cref="Template"/>.</summary>
    public IReadOnlyList<string> SharedSymbols { get; init; } = [];

    public string LocalizeDirectory => Path.Combine(ConfigDirectory, "localize");

    public string IdeHostPath => Path.Combine(ConfigDirectory, "ide.host.json");

    public string CliHostPath => Path.Combine(ConfigDirectory, "dotnetcli.host.json");

    // Computed on each read, not stored: a copy made with `with { Template = … }` must see its own symbols.
    public IReadOnlyList<TemplateSymbol> Symbols =>
        Template.Root.MembersOf("symbols").Select(s => new TemplateSymbol(s.Name, s.Value)).ToList();

    public IEnumerable<TemplateSymbol> Parameters => Symbols.Where(s => s.IsParameter);

    public IReadOnlyList<PostAction> PostActions =>
        Template.Root.ObjectsIn("postActions").Select(p => new PostAction(p.Index, p.Item)).ToList();

    /// <summary>dotnetcli.host.json's long names by symbol (null where a symbol has none).</summary>
    public IReadOnlyDictionary<string, string?> LongNames =>
        CliHost?.Root.MembersOf("symbolInfo").ToDictionary(s => s.Name, s => s.Value.TextOf("longName"), StringComparer.Ordinal)
        ?? new Dictionary<string, string?>();

    public string? Identity => Template.Root.TextOf("identity");

    /// <summary>The engine accepts one short name or an array of them.</summary>
    public IReadOnlyList<string> ShortNames =>
        Template.Root["shortName"] switch
        {
            JsonArray names => names.Select(n => n.Text()).OfType<string>().Where(n => n.Length > 0).ToList(),
            var single when single.Text() is { Length: > 0 } name => [name],
            _ => [],
        };
}
