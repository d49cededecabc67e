using System.Text.RegularExpressions;
using System.Xml.Linq;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests;

/// <summary>Every package version a template emits comes from build/Versions.props, and only from there.</summary>
public sealed partial class PackageVersionTests(TemplatePackage package)
{
    [Fact]
    public void Template_sources_carry_no_literal_package_versions()
    {
        // Template sources are not well-formed XML (both branches of a conditional are present), so read them as text.
        var offenders = Directory.EnumerateFiles(RepositoryPaths.Templates, "*.*proj", SearchOption.AllDirectories)
            .SelectMany(file => PackageReference().Matches(File.ReadAllText(file))
                .Where(reference => !IsSingleToken(reference.Groups["version"].Value))
                .Select(reference => $"{Path.GetRelativePath(RepositoryPaths.Root, file)}: {reference.Value}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Use a ${Name} token from build/Versions.props:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Every_version_token_names_a_version_in_build()
    {
        var unknown = Directory.EnumerateFiles(RepositoryPaths.Templates, "*", SearchOption.AllDirectories)
            .SelectMany(file => VersionToken().Matches(File.ReadAllText(file)).Select(m => (file, token: m.Groups[1].Value)))
            .Where(use => !PackageVersions.ByProperty.ContainsKey(use.token))
            .Select(use => $"{Path.GetRelativePath(RepositoryPaths.Root, use.file)}: ${{{use.token}}}")
            .ToList();

        Assert.Empty(unknown);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("async-tests", "auto")]
    [InlineData("async-tests", "vstest")]
    [InlineData("async-tests", "mtp")]
    [InlineData("async-hosted-tests", "auto")]
    public async Task Generated_projects_reference_exactly_the_versions_in_build(string template, string runner)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("versions");
        var result = await package.NewAsync(root.Path, cancellationToken, template, "-n", "V.Tests", "-o", "V.Tests", "--runner", runner, "--no-restore");
        Assert.True(result.ExitCode == 0, result.ToString());

        // References that name a package (the Central Package Management block only updates them).
        var generated = XDocument.Load(root.Combine("V.Tests", "V.Tests.csproj")).Descendants("PackageReference")
            .Where(reference => reference.Attribute("Include") is not null).ToList();

        // The template's source names, per package, the Versions.props property it takes.
        var tokenByPackage = PackageReference().Matches(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "_shared", "Company.AsyncTests.csproj"), cancellationToken))
            .ToDictionary(r => r.Groups["package"].Value, r => VersionToken().Match(r.Groups["version"].Value).Groups[1].Value);
        Assert.NotEmpty(generated);
        Assert.All(generated, reference =>
            Assert.Equal(PackageVersions.ByProperty[tokenByPackage[(string)reference.Attribute("Include")!]], (string)reference.Attribute("Version")!));
    }

    private static bool IsSingleToken(string version) => VersionToken().Match(version) is { Success: true } match && match.Value == version;

    [GeneratedRegex(@"<PackageReference\s+Include=""(?<package>[^""]+)""\s+Version=""(?<version>[^""]*)""")]
    private static partial Regex PackageReference();

    [GeneratedRegex(@"\$\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex VersionToken();
}
