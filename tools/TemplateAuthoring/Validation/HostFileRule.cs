using System.Text.RegularExpressions;
using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// TPL0004, TPL0005 and TPL0012: every option reachable from both hosts. Visual Studio and Rider
/// show only the symbols that ide.host.json lists as visible, with its icon; the CLI spells an
/// option as dotnetcli.host.json's long name, kebab-case like the SDK's own (--test-timeout).
/// TPL0019: a guard parameter (<see cref="TemplateSymbol.IsGuard"/>) is no option for anyone to
/// set: hidden from --help (<c>isHidden</c> in dotnetcli.host.json) and not visible in the IDE;
/// its long name still must be kebab-case, as it is the message the user reads.
/// </summary>
public sealed partial class HostFileRule : ITemplateRule
{
    public IEnumerable<Finding> Check(TemplateFolder template)
    {
        foreach (var finding in CheckIdeHost(template))
        {
            yield return finding;
        }

        var longNames = template.LongNames;
        var cliFile = template.CliHost?.Path ?? template.CliHostPath;
        foreach (var parameter in template.Parameters)
        {
            var longName = longNames.GetValueOrDefault(parameter.Name);
            if (longName is null)
            {
                yield return Finding.Error("TPL0005", $"Parameter '{parameter.Name}' has no kebab-case 'longName' in dotnetcli.host.json.", cliFile);
            }
            else if (!KebabCase().IsMatch(longName))
            {
                yield return Finding.Error("TPL0005", $"Parameter '{parameter.Name}' has the long name '{longName}' in dotnetcli.host.json, which is not kebab-case.", cliFile);
            }

            if (parameter.IsGuard && !IsHiddenInCli(template, parameter.Name))
            {
                yield return Finding.Error("TPL0019", $"Guard parameter '{parameter.Name}' (isRequired is a condition) is not hidden in dotnetcli.host.json (\"isHidden\": true): --help would offer it as an option.", cliFile);
            }
        }
    }

    private static bool IsHiddenInCli(TemplateFolder template, string symbol) =>
        template.CliHost?.Root.MembersOf("symbolInfo").FirstOrDefault(s => s.Name == symbol).Value?["isHidden"].IsTrue() == true;

    private static IEnumerable<Finding> CheckIdeHost(TemplateFolder template)
    {
        if (template.IdeHost is not { } ideHost)
        {
            yield return Finding.Error("TPL0012", "Missing ide.host.json: the IDE dialogs take the icon and the visible options from it.", template.IdeHostPath);
            foreach (var parameter in template.Parameters.Where(p => !p.IsGuard))
            {
                yield return Finding.Error("TPL0004", $"Parameter '{parameter.Name}' is not visible in ide.host.json.", template.IdeHostPath);
            }

            yield break;
        }

        if (ideHost.Root.TextOf("icon") is not { } icon)
        {
            yield return Finding.Error("TPL0012", "ide.host.json has no 'icon'.", ideHost.Path);
        }
        else if (!File.Exists(Path.Combine(template.ConfigDirectory, icon)))
        {
            yield return Finding.Error("TPL0012", $"The icon '{icon}' named in ide.host.json does not exist.", ideHost.Path);
        }

        var visible = ideHost.Root.ObjectsIn("symbolInfo")
            .Where(s => s.Item["isVisible"].IsTrue())
            .Select(s => s.Item.TextOf("id"))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var parameter in template.Parameters.Where(p => !p.IsGuard && !visible.Contains(p.Name)))
        {
            yield return Finding.Error("TPL0004", $"Parameter '{parameter.Name}' is not visible in ide.host.json.", ideHost.Path);
        }

        foreach (var parameter in template.Parameters.Where(p => p.IsGuard && visible.Contains(p.Name)))
        {
            yield return Finding.Error("TPL0019", $"Guard parameter '{parameter.Name}' (isRequired is a condition) is visible in ide.host.json: the dialog would offer it as an option.", ideHost.Path);
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
