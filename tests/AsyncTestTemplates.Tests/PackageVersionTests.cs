using System.Text.RegularExpressions;
using System.Xml.Linq;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests;

/// <summary>
/// Every package version a template emits is served here and restores (that each is a token from
/// build/Versions.props is the validator's rule, TPL0011 and TPL0100, run over the real templates by
/// RealTemplateTests).
/// </summary>
public sealed partial class PackageVersionTests(TemplatePackage package)
{
    [Theory(Timeout = 120_000)]
    [InlineData("async-tests", "--runner auto")]
    [InlineData("async-tests", "--runner vstest")]
    [InlineData("async-tests", "--runner mtp")]
    [InlineData("async-hosted-tests", "--runner auto")]
    [InlineData("async-integration-tests", "--runner auto")]
    [InlineData("async-integration-tests", "--database postgres --sut ../Api/Api.csproj")]
    public async Task Generated_projects_reference_exactly_the_versions_in_build(string template, string options)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var generated = await GeneratePackageReferencesAsync(template, options, cancellationToken);

        // The template's source names, per package, the Versions.props properties it takes (one per
        // target framework for the ASP.NET Core test hosts).
        var versionsByPackage = PackageReference().Matches(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "_shared", "Company.AsyncTests.csproj"), cancellationToken))
            .ToLookup(r => r.Groups["package"].Value, r => VersionOf(VersionToken().Match(r.Groups["version"].Value).Groups[1].Value));
        Assert.NotEmpty(generated);
        Assert.All(generated, reference => Assert.Contains(reference.Version, versionsByPackage[reference.Package]));
    }

    [Theory(Timeout = 120_000)]
    [InlineData("net10.0", "", "Microsoft.AspNetCore.TestHost")]
    [InlineData("net9.0", "", "Microsoft.AspNetCore.TestHost")]
    [InlineData("net8.0", "", "Microsoft.AspNetCore.TestHost")]
    [InlineData("net10.0", "--sut ../Api/Api.csproj", "Microsoft.AspNetCore.Mvc.Testing")]
    [InlineData("net9.0", "--sut ../Api/Api.csproj", "Microsoft.AspNetCore.Mvc.Testing")]
    [InlineData("net8.0", "--sut ../Api/Api.csproj", "Microsoft.AspNetCore.Mvc.Testing")]
    public async Task The_aspnetcore_test_host_matches_the_target_framework(string framework, string options, string expectedPackage)
    {
        var generated = await GeneratePackageReferencesAsync("async-integration-tests", $"--framework {framework} {options}", TestContext.Current.CancellationToken);

        var host = Assert.Single(generated, reference => reference.Package.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal));
        Assert.Equal(expectedPackage, host.Package);
        // net9.0 takes 9.x: a host of another major does not load in the app's framework.
        Assert.StartsWith(framework["net".Length..^".0".Length] + ".", host.Version, StringComparison.Ordinal);
    }

    /// <summary>The package references (with a version) of a project generated with <paramref name="options"/>.</summary>
    private async Task<IReadOnlyList<(string Package, string Version)>> GeneratePackageReferencesAsync(string template, string options, CancellationToken cancellationToken)
    {
        using var root = new TemporaryDirectory("versions");
        var result = await package.NewAsync(root.Path, cancellationToken,
            [template, "-n", "V.Tests", "-o", "V.Tests", "--no-restore", .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        Assert.True(result.ExitCode == 0, result.ToString());

        // References that name a package (the Central Package Management block only updates them).
        return XDocument.Load(root.Combine("V.Tests", "V.Tests.csproj")).Descendants("PackageReference")
            .Where(reference => reference.Attribute("Include") is not null && reference.Attribute("Version") is not null)
            .Select(reference => ((string)reference.Attribute("Include")!, (string)reference.Attribute("Version")!))
            .ToList();
    }

    // The runtime library is referenced at the version the pack was made with (a unique one per test run).
    private string VersionOf(string property) =>
        property == "AsyncTestTemplatesVersion" ? package.Version : PackageVersions.ByProperty[property];


    [GeneratedRegex(@"<PackageReference\s+Include=""(?<package>[^""]+)""\s+Version=""(?<version>[^""]*)""")]
    private static partial Regex PackageReference();

    private static Regex VersionToken() => AsyncTestTemplates.Authoring.Packaging.VersionTokens.Token();
}
