using System.Text;
using System.Text.Json;
using AsyncTestTemplates.Authoring.Findings;

namespace AsyncTestTemplates.Authoring.Packaging;

/// <summary>
/// A template's <c>.template.config/library-files.json</c>: files of the runtime library that staging
/// writes into the template, in the template's namespace placeholder, so that a project which cannot
/// reference the library (xunit v2) gets the same code from one source rather than a copy to keep in
/// step. The file itself is the authoring tool's and is not packed.
/// </summary>
public static class LibraryFiles
{
    public const string FileName = "library-files.json";

    /// <summary>Writes the files <paramref name="templateDirectory"/>'s list names into <paramref name="stagedTemplateDirectory"/>.</summary>
    public static async Task<IReadOnlyList<Finding>> StageAsync(string templateDirectory, string stagedTemplateDirectory, CancellationToken cancellationToken)
    {
        var list = Path.Combine(templateDirectory, ".template.config", FileName);
        if (!File.Exists(list))
        {
            return [];
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(list, cancellationToken));
        var root = json.RootElement;
        var from = Path.GetFullPath(Path.Combine(templateDirectory, root.GetProperty("from").GetString()!));
        var to = Path.Combine(stagedTemplateDirectory, root.GetProperty("to").GetString()!);
        var declaration = $"namespace {root.GetProperty("namespace").GetString()};";
        var placeholder = $"namespace {root.GetProperty("placeholder").GetString()};";
        var findings = new List<Finding>();
        foreach (var file in root.GetProperty("files").EnumerateArray().Select(f => f.GetString()!))
        {
            var source = Path.Combine(from, file);
            if (!File.Exists(source))
            {
                findings.Add(Finding.Error("TPL0026", $"'{file}' is no file under {from}: fix the list, or the library moved it.", list));
                continue;
            }

            var text = await File.ReadAllTextAsync(source, cancellationToken);
            if (!text.Contains(declaration, StringComparison.Ordinal))
            {
                findings.Add(Finding.Error("TPL0026", $"{source} does not declare '{declaration}', the namespace the list replaces.", list));
                continue;
            }

            Directory.CreateDirectory(to);
            await File.WriteAllTextAsync(Path.Combine(to, Path.GetFileName(file)), text.Replace(declaration, placeholder, StringComparison.Ordinal), new UTF8Encoding(false), cancellationToken);
        }

        return findings;
    }
}
