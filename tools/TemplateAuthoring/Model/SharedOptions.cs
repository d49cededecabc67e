using System.Text.Json.Nodes;

namespace AsyncTestTemplates.Authoring.Model;

/// <summary>
/// The options several templates share, each written once in <c>templates/_options/</c>: its symbol
/// (<c>symbols.json</c>), its host entries (<c>dotnetcli.host.json</c>, <c>ide.host.json</c>, each with
/// only a <c>symbolInfo</c>) and its strings (<c>localize/templatestrings.&lt;culture&gt;.json</c>). A
/// template names the ones it takes in its template.json, <c>"$sharedSymbols": [ … ]</c>; the tool merges
/// them in before validating and when staging for the pack (the engine never sees the folder or the list).
/// </summary>
public sealed class SharedOptions
{
    public const string FolderName = "_options";
    public const string ListMember = "$sharedSymbols";
    public const string SymbolsFile = "symbols.json";

    public SharedOptions(TemplateFolder unit) => Unit = unit;

    /// <summary>The folder as the localizer sees it: a "template" whose only strings are the shared symbols'.</summary>
    public TemplateFolder Unit { get; }

    public JsonObject Symbols => Unit.Template.Root["symbols"] as JsonObject ?? [];

    public JsonObject CliSymbolInfo => Unit.CliHost?.Root["symbolInfo"] as JsonObject ?? [];

    public JsonArray IdeSymbolInfo => Unit.IdeHost?.Root["symbolInfo"] as JsonArray ?? [];

    /// <summary>The names a template lists; empty when it lists none.</summary>
    public static IReadOnlyList<string> ListedBy(JsonObject template) =>
        template[ListMember] is JsonArray names ? names.Select(name => name.Text()).OfType<string>().ToList() : [];

    /// <summary>
    /// The template as the engine will read it once staged: the listed symbols first (in the list's
    /// order, then its own), their host entries and strings added, the list itself removed.
    /// </summary>
    public TemplateFolder Merge(TemplateFolder raw)
    {
        var listed = ListedBy(raw.Template.Root);
        if (listed.Count == 0 && raw.Template.Root[ListMember] is null)
        {
            return raw;
        }

        var template = new JsonObject();
        foreach (var (name, value) in raw.Template.Root)
        {
            if (name == ListMember)
            {
                continue;
            }

            if (name != "symbols")
            {
                template[name] = value?.DeepClone();
                continue;
            }

            template["symbols"] = MergedSymbols(listed, value as JsonObject ?? []);
        }

        if (template["symbols"] is null && listed.Count > 0)
        {
            template["symbols"] = MergedSymbols(listed, []);
        }

        return raw with
        {
            Template = raw.Template with { Root = template },
            CliHost = MergeCli(raw, listed),
            IdeHost = MergeIde(raw, listed),
            Localizations = MergeLocalizations(raw, listed),
            SharedSymbols = listed,
        };
    }

    private JsonObject MergedSymbols(IReadOnlyList<string> listed, JsonObject own)
    {
        var symbols = new JsonObject();
        foreach (var name in listed.Where(name => Symbols[name] is JsonObject && own[name] is null))
        {
            symbols[name] = Symbols[name]!.DeepClone();
        }

        foreach (var (name, value) in own)
        {
            symbols[name] = value?.DeepClone();
        }

        return symbols;
    }

    private JsonFile? MergeCli(TemplateFolder raw, IReadOnlyList<string> listed)
    {
        var entries = listed.Where(name => CliSymbolInfo[name] is JsonObject).ToList();
        if (entries.Count == 0)
        {
            return raw.CliHost;
        }

        var root = raw.CliHost?.Root.DeepClone().AsObject() ?? [];
        var own = root["symbolInfo"] as JsonObject ?? [];
        var symbolInfo = new JsonObject();
        foreach (var name in entries.Where(name => own[name] is null))
        {
            symbolInfo[name] = CliSymbolInfo[name]!.DeepClone();
        }

        foreach (var (name, value) in own)
        {
            symbolInfo[name] = value?.DeepClone();
        }

        root["symbolInfo"] = symbolInfo;
        return new JsonFile(raw.CliHost?.Path ?? raw.CliHostPath, root);
    }

    private JsonFile? MergeIde(TemplateFolder raw, IReadOnlyList<string> listed)
    {
        var shared = IdeSymbolInfo.OfType<JsonObject>().Where(entry => entry.TextOf("id") is { } id && listed.Contains(id)).ToList();
        if (shared.Count == 0 || raw.IdeHost is null)
        {
            return raw.IdeHost;
        }

        var root = raw.IdeHost.Root.DeepClone().AsObject();
        var own = root["symbolInfo"] as JsonArray ?? [];
        var ownIds = own.OfType<JsonObject>().Select(entry => entry.TextOf("id")).ToHashSet(StringComparer.Ordinal);
        var symbolInfo = new JsonArray();
        foreach (var entry in shared.Where(entry => !ownIds.Contains(entry.TextOf("id"))))
        {
            symbolInfo.Add(entry.DeepClone());
        }

        foreach (var entry in own)
        {
            symbolInfo.Add(entry?.DeepClone());
        }

        root["symbolInfo"] = symbolInfo;
        return raw.IdeHost with { Root = root };
    }

    private List<LocalizationFile> MergeLocalizations(TemplateFolder raw, IReadOnlyList<string> listed)
    {
        var prefixes = listed.Select(name => $"symbols/{name}/").ToList();
        var cultures = raw.Localizations.Select(l => l.Culture).Union(Unit.Localizations.Select(l => l.Culture)).Order(StringComparer.Ordinal);
        var merged = new List<LocalizationFile>();
        foreach (var culture in cultures)
        {
            var own = raw.Localizations.FirstOrDefault(l => l.Culture == culture);
            var shared = Unit.Localizations.FirstOrDefault(l => l.Culture == culture);
            var root = new JsonObject();
            foreach (var (key, value) in shared?.Json.Root ?? [])
            {
                if (prefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    root[key] = value?.DeepClone();
                }
            }

            foreach (var (key, value) in own?.Json.Root ?? [])
            {
                root[key] = value?.DeepClone();
            }

            merged.Add(new LocalizationFile(culture, new JsonFile(own?.Json.Path ?? Path.Combine(raw.LocalizeDirectory, LocalizationFile.FileName(culture)), root)));
        }

        return merged;
    }
}
