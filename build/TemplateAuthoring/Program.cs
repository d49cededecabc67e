using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Localization;
using AsyncTestTemplates.Authoring.Packaging;
using AsyncTestTemplates.Authoring.Validation;

// Entry point of the template authoring tool; build/TemplateValidation.targets and
// build/TemplatePackaging.targets run it on build and pack. Findings go to standard output in
// MSBuild's canonical format; exit code 1 on an error.
const string Usage = """
    usage:
      TemplateAuthoring validate <templatesRoot> --versions <Versions.props>
      TemplateAuthoring localize <templatesRoot> [--check]
      TemplateAuthoring stage <templatesRoot> <destination> --versions <Versions.props> --pack-version <version>
      TemplateAuthoring package-readme <page.md> <guide.md> <destination>
      TemplateAuthoring rules
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
    ["stage", var root, var destination, "--versions", var versions, "--pack-version", var packVersion] =>
        await TemplateStager.StageAsync(root, destination, versions, packVersion, cancellation.Token),
    ["package-readme", var page, var guide, var destination] => await WritePackageReadmeAsync(page, guide, destination, cancellation.Token),
    ["rules"] => PrintRules(),
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

static IReadOnlyList<Finding> PrintRules()
{
    Console.Out.Write(RuleCatalogue.MarkdownTable());
    return [];
}
