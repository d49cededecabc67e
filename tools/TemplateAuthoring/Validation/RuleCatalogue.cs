using AsyncTestTemplates.Authoring.Model;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Localization;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// Every finding code the tool reports, with its severity and what it means: the source of the rule
/// table in CONTRIBUTING.md (<c>TemplateAuthoring rules</c> prints it; a test keeps the two equal and
/// checks that every code the tool's source reports is listed here).
/// </summary>
public static class RuleCatalogue
{
    public sealed record Rule(string Code, Severity Severity, string Meaning);

    public static IReadOnlyList<Rule> All { get; } =
    [
        new("MV001", Severity.Error, "`identity` missing (the engine refuses such a template with no code at all)"),
        new("MV002", Severity.Error, "`name` missing"),
        new("MV003", Severity.Error, "`shortName` missing"),
        new("MV004", Severity.Error, "a choice of a multi-choice parameter contains `\\|` or `,`"),
        new("MV005", Severity.Info, "`sourceName` missing"),
        new("MV006", Severity.Info, "`author` missing"),
        new("MV007", Severity.Info, "`groupIdentity` missing"),
        new("MV008", Severity.Info, "`generatorVersions` missing"),
        new("MV009", Severity.Info, "`precedence` missing"),
        new("MV010", Severity.Info, "`classifications` missing"),
        new("MV011", Severity.Error, "`manualInstructions` is not an array of objects with a `text`"),
        new("MV012", Severity.Error, "`sources` is not an array of objects, or a `source`/`target` points outside the template's folder"),
        new("CONFIG0201", Severity.Warning, "two post actions share an `id`"),
        new("CONFIG0202", Severity.Error, "a post action has no `actionId`"),
        new("CONFIG0203", Severity.Warning, "two manual instructions of a post action share an `id`"),
        new("CONFIG0204", Severity.Warning, "`applyFileRenamesToArgs` names an argument the post action's `args` lacks"),
        new("LOC001", Severity.Error, "a localization file names a post action that does not exist"),
        new("LOC002", Severity.Error, "a localization file names a manual instruction that does not exist"),
        new("TPL0001", Severity.Error, "a parameter has no `description`"),
        new("TPL0002", Severity.Error, "a parameter has no `displayName`"),
        new("TPL0003", Severity.Error, "a choice has no `description`"),
        new("TPL0004", Severity.Error, "a parameter is not listed as visible (`\"isVisible\": true`) in `ide.host.json`'s `symbolInfo`"),
        new("TPL0005", Severity.Error, "a parameter has no kebab-case `longName` in `dotnetcli.host.json`"),
        new("TPL0006", Severity.Error, "two templates of the pack share an `identity`"),
        new("TPL0007", Severity.Error, "two templates of the pack share a short name"),
        new("TPL0008", Severity.Error, "a short name is one of the .NET SDK's own templates (`dotnet new list`, SDK 10.0.401; the list is in `tools/TemplateAuthoring/Validation/SdkTemplates.cs`)"),
        new("TPL0009", Severity.Error, "a post action has no `id` (its localization keys need one)"),
        new("TPL0011", Severity.Error, "a `PackageReference`/`PackageVersion` in a template has a literal version instead of a `${Name}` token"),
        new("TPL0012", Severity.Error, "`ide.host.json` is missing, has no `icon`, or names an icon file that does not exist"),
        new("TPL0013", Severity.Error, "`templatestrings.en.json` is missing or out of date (`localize --check`)"),
        new("TPL0014", Severity.Error, "a translation (`templatestrings.<culture>.json`) has a key `template.json` no longer produces"),
        new("TPL0015", Severity.Error, "a `.template.config` file is not a valid JSON object"),
        new("TPL0016", Severity.Error, "an item template (`tags.type` = `item`) has no `appliesTo` in `ide.host.json` or no `constraints` in `template.json`"),
        new("TPL0017", Severity.Error, "`dotnetcli.host.json` has no `usageExamples`"),
        new("TPL0018", Severity.Error, "`classifications` lacks `Async` (so `dotnet new list --tag Async` lists every template of the pack)"),
        new("TPL0019", Severity.Error, "a guard parameter (`isRequired` is a condition, such as `(testTimeout <= 0)`, so `dotnet new` stops with exit 102 and prints its long name as the message) is visible in `ide.host.json` or not hidden (`isHidden`) in `dotnet new --help`; guards need no IDE visibility (TPL0004 skips them)"),
        new("TPL0020", Severity.Error, $"a template lacks the `templatestrings.<culture>.json` of one of the cultures the pack ships ({string.Join(", ", Localizer.Cultures)}, the SDK's own), or has one for another culture"),
        new("TPL0021", Severity.Error, "a translation lacks a key of `templatestrings.en.json` (or its value is not a string)"),
        new("TPL0022", Severity.Error, "a translation is stale: the English text of its key changed since it was translated, or it was never recorded as translated (`localize/translated-from.json`; after updating it: `localize templates --translated <culture>`)"),
        new("TPL0023", Severity.Error, $"a template's `\"{SharedOptions.ListMember}\"` names a symbol `templates/{SharedOptions.FolderName}/{SharedOptions.SymbolsFile}` does not define (or there is no such file): an option several templates share is written once there — symbol, host entries, strings — and merged into each template that lists it"),
        new("TPL0024", Severity.Error, $"a template defines a symbol it also takes from `templates/{SharedOptions.FolderName}/`"),
        new("TPL0025", Severity.Error, "`TemplateAuthoring templates` found no template (of the kind asked for) under the root it was given"),
        new("TPL0026", Severity.Error, $"a template's `.template.config/{Packaging.LibraryFiles.FileName}` names a file the runtime library does not have, or one without the namespace it replaces (reported when the templates are staged for packing)"),
        new("TPL0100", Severity.Error, "a `${Name}` token that `build/Versions.props` does not define (also reported when the templates are staged for packing)"),
    ];

    /// <summary>The rule table of CONTRIBUTING.md.</summary>
    public static string MarkdownTable() =>
        string.Join('\n', new[] { "| code | severity | rule |", "| --- | --- | --- |" }
            .Concat(All.Select(rule => $"| {rule.Code} | {rule.Severity.ToString().ToLowerInvariant()} | {rule.Meaning} |"))) + "\n";
}
