using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests;

/// <summary>
/// What the pack asks users to trust: exact package versions, audited restores, no registry
/// address in the repository, and a package whose content depends on the commit alone.
/// </summary>
public sealed partial class SupplyChainTests(TemplatePackage package)
{
    [Fact]
    public void Every_package_version_is_exact()
    {
        // No floating (1.*) or range ([1.0,2.0)) versions: a restore today and one next year take the same packages.
        var inexact = PackageVersions.ByProperty.Where(version => !ExactVersion().IsMatch(version.Value)).ToList();

        Assert.Empty(inexact);
        Assert.NotEmpty(PackageVersions.ByProperty);
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(TemplateCatalog.ProjectTemplates), MemberType = typeof(TemplateCatalog))]
    public async Task Generated_projects_audit_every_package_on_restore(string template)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("audit");
        var created = await package.NewAsync(root.Path, cancellationToken, template, "-n", "A.Tests", "-o", "A.Tests", "--no-restore");
        Assert.True(created.ExitCode == 0, created.ToString());

        var properties = await Dotnet.RunAsync(root.Combine("A.Tests"), TimeSpan.FromMinutes(2), cancellationToken,
            "msbuild", "-getProperty:NuGetAudit", "-getProperty:NuGetAuditMode", "-nologo");

        Assert.True(properties.ExitCode == 0, properties.ToString());
        Assert.Contains("\"NuGetAudit\": \"true\"", properties.StandardOutput, StringComparison.Ordinal);
        // Transitive packages too, whatever the SDK's default.
        Assert.Contains("\"NuGetAuditMode\": \"all\"", properties.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void No_file_in_the_repository_names_a_package_registry()
    {
        var offenders = Directory.EnumerateFiles(RepositoryPaths.Root, "*", SearchOption.AllDirectories)
            .Where(file => !IgnoredPath().IsMatch(Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/')))
            .SelectMany(file => RegistryAddress().Matches(File.ReadAllText(file))
                .Select(match => $"{Path.GetRelativePath(RepositoryPaths.Root, file)}: {match.Value}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Restores use the machine's configured source (DEVELOPERS.md):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void The_nuget_config_adds_no_remote_package_source()
    {
        var config = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "nuget.config"));

        Assert.DoesNotMatch(@"value=""\s*https?:", config);
        Assert.DoesNotContain("protocolVersion", config, StringComparison.Ordinal);
    }

    [Fact(Timeout = 300_000)]
    public async Task Two_packs_of_the_same_checkout_have_the_same_content()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var again = new TemporaryDirectory("pack-again");

        var pack = await Dotnet.RunAsync(RepositoryPaths.Root, TimeSpan.FromMinutes(5), cancellationToken,
            "pack", RepositoryPaths.PackProject, "-c", "Release", "-o", again.Path, "-nologo", $"-p:AsyncTestTemplatesVersion={package.Version}");
        Assert.True(pack.ExitCode == 0, pack.ToString());

        // Entry by entry, name and bytes, for the templates and every runtime package. (The zip's own
        // timestamps differ: NuGet stamps entries with the time of packing, NuGet/Home#8601.)
        foreach (var packed in TemplatePackage.RuntimePackageIds.Select(package.RuntimePackagePath).Prepend(package.PackagePath))
        {
            Assert.Equal(Contents(packed), Contents(Path.Combine(again.Path, Path.GetFileName(packed))));
        }
    }

    private static SortedDictionary<string, string> Contents(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var contents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            contents[entry.FullName] = Convert.ToHexString(SHA256.HashData(stream));
        }

        return contents;
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(\.\d+)?(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex ExactVersion();

    // A package registry's address: the well-known hosts, or any v3 service index.
    [GeneratedRegex(@"https?://[^\s""'<>)]*(nuget\.org|myget\.org|pkgs\.dev\.azure\.com|pkgs\.visualstudio\.com|nuget\.pkg\.github\.com|feedz\.io|cloudsmith\.io|jfrog\.io|npmjs\.(org|com)|pypi\.org|/v3/index\.json)[^\s""'<>)]*", RegexOptions.IgnoreCase)]
    private static partial Regex RegistryAddress();

    // Build output, git's own files, and binary files.
    [GeneratedRegex(@"(^|/)(bin|obj|\.git|artifacts|TestResults)/|\.(png|dll|exe|nupkg|snk)$")]
    private static partial Regex IgnoredPath();
}
