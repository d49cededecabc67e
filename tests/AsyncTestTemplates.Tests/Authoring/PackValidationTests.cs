using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.Authoring;

/// <summary>
/// Validation as wired into the package's build: the real pack (the suite's fixture) reports
/// nothing, and `dotnet pack` of a copy of the package project (AsyncTestTemplates.csproj,
/// README.md, build/, templates/) with a broken template fails.
/// </summary>
public sealed class PackValidationTests(TemplatePackage package)
{
    [Fact]
    public void The_real_pack_validates_its_templates_and_reports_no_error_or_warning()
    {
        var pack = Assert.IsType<ProcessResult>(package.Pack);

        // The tool ran (its build line is printed) and found nothing wrong (RealTemplateTests lists its notes).
        Assert.Contains("TemplateAuthoring -> ", pack.Output);
        Assert.DoesNotContain("Template configuration error", pack.Output);
        Assert.DoesNotContain("Template configuration warning", pack.Output);
        Assert.Empty(pack.WarningLines);
    }

    [Fact(Timeout = 300_000)]
    public async Task A_template_without_name_fails_the_pack_with_MV002()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var copy = new TemporaryDirectory("pack-validation");
        CopyPackageSources(copy.Path);

        var templateJson = copy.Combine("templates", "project", "async-tests", ".template.config", "template.json");
        var text = await File.ReadAllTextAsync(templateJson, cancellationToken);
        var withoutName = string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith("\"name\":", StringComparison.Ordinal)));
        Assert.NotEqual(text, withoutName);
        await File.WriteAllTextAsync(templateJson, withoutName, cancellationToken);

        var broken = await PackAsync(copy, cancellationToken);

        Assert.True(broken.ExitCode != 0, broken.ToString());
        Assert.Contains($"{templateJson} : Template configuration error MV002: Missing 'name'.", broken.Output);
        // Validation runs before the localization check: the now stale English file is not what is reported.
        Assert.DoesNotContain("TPL0013", broken.Output);
        // One error, not a second generic one from the task that ran the validator.
        Assert.DoesNotContain("MSB3073", broken.Output);
        Assert.False(Directory.Exists(copy.Combine("out")) && Directory.EnumerateFiles(copy.Combine("out"), "*.nupkg").Any(), broken.ToString());
    }

    private static Task<ProcessResult> PackAsync(TemporaryDirectory copy, CancellationToken cancellationToken) =>
        Dotnet.RunAsync(copy.Path, TimeSpan.FromMinutes(4), cancellationToken,
            "pack", "AsyncTestTemplates.csproj", "-o", copy.Combine("out"), "-nologo");

    private static void CopyPackageSources(string destination)
    {
        foreach (var file in (string[])["AsyncTestTemplates.csproj", "Directory.Build.props", "README.md"])
        {
            File.Copy(Path.Combine(RepositoryPaths.Root, file), Path.Combine(destination, file));
        }

        foreach (var folder in (string[])["build", "tools", "templates"])
        {
            CopyDirectory(Path.Combine(RepositoryPaths.Root, folder), Path.Combine(destination, folder));
        }
    }

    // Sources only: build output of the repository's own builds stays behind.
    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(source).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopyDirectory(directory, Path.Combine(destination, Path.GetFileName(directory)));
        }
    }
}
