using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Localization;
using AsyncTestTemplates.Authoring.Model;
using AsyncTestTemplates.Authoring.Packaging;
using AsyncTestTemplates.Authoring.Validation;

// Entry point of the template authoring tool; build/TemplateValidation.targets and
// build/TemplatePackaging.targets run it on build and pack. Findings go to standard output in
// MSBuild's canonical format; exit code 1 on an error.
const string Usage = """
    usage:
      TemplateAuthoring validate <templatesRoot> --versions <Versions.props>
      TemplateAuthoring localize <templatesRoot> [--check]
      TemplateAuthoring localize <templatesRoot> --worklist [<culture>[,<culture>…]]
      TemplateAuthoring localize <templatesRoot> --apply <worklist with a sixth column, the translation>
      TemplateAuthoring localize <templatesRoot> --translated <culture>[,<culture>…|all] [--template <name>]… [--key <key>]…
      TemplateAuthoring stage <templatesRoot> <destination> --versions <Versions.props> --pack-version <version>
      TemplateAuthoring package-readme <page.md> <guide.md> <destination>
      TemplateAuthoring rules
      TemplateAuthoring templates <templatesRoot> [--kind test-project|item|repository]
      TemplateAuthoring versions <Versions.props> [<property>]
    """;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

IReadOnlyList<Finding>? findings = args switch
{
    ["validate", var root, "--versions", var versions] => await TemplateValidator.ValidateAsync(root, versions, cancellation.Token),
    ["localize", var root] => await Localizer.LocalizeAsync(root, checkOnly: false, cancellation.Token),
    ["localize", var root, "--check"] => await Localizer.LocalizeAsync(root, checkOnly: true, cancellation.Token),
    ["localize", var root, "--worklist", .. var cultures] when cultures.Length <= 1 => await PrintWorklistAsync(root, cultures, cancellation.Token),
    ["localize", var root, "--apply", var worklist] => await ApplyAsync(root, worklist, cancellation.Token),
    ["localize", var root, "--translated", var cultures, .. var filters] => await RecordTranslatedAsync(root, cultures, filters, cancellation.Token),
    ["stage", var root, var destination, "--versions", var versions, "--pack-version", var packVersion] =>
        await TemplateStager.StageAsync(root, destination, versions, packVersion, cancellation.Token),
    ["package-readme", var page, var guide, var destination] => await WritePackageReadmeAsync(page, guide, destination, cancellation.Token),
    ["rules"] => PrintRules(),
    ["templates", var root] => PrintTemplates(root, kind: null),
    ["templates", var root, "--kind", var kind] => PrintTemplates(root, kind),
    ["versions", var versions, .. var names] when names.Length <= 1 => PrintVersions(versions, names),
    _ => null,
};

if (findings is null)
{
    await Console.Error.WriteLineAsync(Usage);
    return 2;
}

foreach (var finding in findings)
{
    await Console.Out.WriteLineAsync(finding.ToString());
}

return findings.Any(f => f.Severity == Severity.Error) ? 1 : 0;

static async Task<IReadOnlyList<Finding>> WritePackageReadmeAsync(string page, string guide, string destination, CancellationToken cancellationToken)
{
    await PackageReadme.WriteAsync(page, guide, destination, cancellationToken);
    return [];
}

// Every key a translator has to look at, one tab-separated line each (culture, template, key, state, English).
static async Task<IReadOnlyList<Finding>> PrintWorklistAsync(string root, string[] cultures, CancellationToken cancellationToken)
{
    var chosen = cultures.SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    foreach (var gap in await Localizer.WorklistAsync(root, chosen, cancellationToken))
    {
        await Console.Out.WriteLineAsync(gap.ToString());
    }

    return [];
}

// The worklist with the translations added as a sixth column: written into the files and recorded.
static async Task<IReadOnlyList<Finding>?> ApplyAsync(string root, string worklist, CancellationToken cancellationToken)
{
    try
    {
        var (applied, findings) = await TranslationImport.ApplyAsync(root, worklist, cancellationToken);
        await Console.Out.WriteLineAsync($"Applied and recorded {applied} translation(s) from {worklist}.");
        return findings;
    }
    catch (ArgumentException e)
    {
        await Console.Error.WriteLineAsync(e.Message);
        return null;
    }
}

// After a translator has updated a culture's strings: records them as translated from today's English.
static async Task<IReadOnlyList<Finding>?> RecordTranslatedAsync(string root, string cultures, string[] filters, CancellationToken cancellationToken)
{
    var templates = new List<string>();
    var keys = new List<string>();
    for (var i = 0; i < filters.Length; i += 2)
    {
        switch (filters[i..])
        {
            case ["--template", var name, ..]: templates.Add(name); break;
            case ["--key", var key, ..]: keys.Add(key); break;
            default: return null;
        }
    }

    var chosen = cultures == "all" ? Localizer.TranslatedCultures.ToList() : cultures.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    try
    {
        var (recorded, findings) = await Localizer.RecordTranslatedAsync(root, chosen, templates, keys, cancellationToken);
        await Console.Out.WriteLineAsync($"Recorded {recorded} translation(s) of {string.Join(", ", chosen)} as made from the current English text.");
        return findings;
    }
    catch (ArgumentException e)
    {
        await Console.Error.WriteLineAsync(e.Message);
        return null;
    }
}

static IReadOnlyList<Finding> PrintRules()
{
    Console.Out.Write(RuleCatalogue.MarkdownTable());
    return [];
}

// One short name per line, in name order: what scripts loop over (scripts/soak.sh, scripts/benchmark.py).
static IReadOnlyList<Finding>? PrintTemplates(string root, string? kind)
{
    var kinds = new Dictionary<string, TemplateKind>(StringComparer.Ordinal)
    {
        ["test-project"] = TemplateKind.TestProject,
        ["item"] = TemplateKind.Item,
        ["repository"] = TemplateKind.Repository,
    };
    if (kind is not null && !kinds.ContainsKey(kind))
    {
        return null;
    }

    var entries = TemplateCatalogue.Read(root).Where(entry => kind is null || entry.Kind == kinds[kind]).ToList();
    if (entries.Count == 0)
    {
        return [Finding.Error("TPL0025", $"No template{(kind is null ? "" : $" of kind {kind}")} under {Path.GetFullPath(root)}.", root)];
    }

    foreach (var entry in entries)
    {
        Console.Out.WriteLine(entry.ShortName);
    }

    return [];
}

// Name=value per property, or the one value asked for: scripts read versions through the tool's reader.
static IReadOnlyList<Finding> PrintVersions(string versionsFile, string[] names)
{
    var versions = VersionTokens.Read(versionsFile);
    if (names is [var name])
    {
        if (!versions.TryGetValue(name, out var value))
        {
            return [Finding.Error("TPL0100", $"{versionsFile} does not define {name}.", versionsFile)];
        }

        Console.Out.WriteLine(value);
        return [];
    }

    foreach (var (property, value) in versions)
    {
        Console.Out.WriteLine($"{property}={value}");
    }

    return [];
}
