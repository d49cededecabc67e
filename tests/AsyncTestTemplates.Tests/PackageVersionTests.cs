using System.Text.Json;
using System.Text.RegularExpressions;
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

        // Per package, the Versions.props properties it may take: named by the template's source (one per
        // target framework for the ASP.NET Core test hosts), or by the SDK's packages file through the
        // property the SDK's pack writes from Versions.props.
        var versionsByPackage = (await ExpectedVersionPropertiesAsync(cancellationToken)).ToLookup(p => p.Package, p => VersionOf(p.Property));
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

    /// <summary>
    /// The package references (with a version) of a project generated with <paramref name="options"/>, as
    /// MSBuild evaluates them: the project file's and those its SDK (AsyncTestTemplates.Sdk) adds.
    /// </summary>
    private async Task<IReadOnlyList<(string Package, string Version)>> GeneratePackageReferencesAsync(string template, string options, CancellationToken cancellationToken)
    {
        using var root = new TemporaryDirectory("versions");
        var result = await package.NewAsync(root.Path, cancellationToken,
            [template, "-n", "V.Tests", "-o", "V.Tests", "--no-restore", .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        Assert.True(result.ExitCode == 0, result.ToString());

        var evaluation = await Dotnet.RunAsync(root.Combine("V.Tests"), TimeSpan.FromMinutes(2), cancellationToken, "msbuild", "V.Tests.csproj", "-getItem:PackageReference", "-nologo");
        Assert.True(evaluation.ExitCode == 0, evaluation.ToString());
        using var items = JsonDocument.Parse(evaluation.StandardOutput);
        return items.RootElement.GetProperty("Items").GetProperty("PackageReference").EnumerateArray()
            .Where(reference => reference.TryGetProperty("Version", out var version) && version.GetString() is { Length: > 0 })
            .Select(reference => (reference.GetProperty("Identity").GetString()!, reference.GetProperty("Version").GetString()!))
            .ToList();
    }

    private static async Task<IReadOnlyList<(string Package, string Property)>> ExpectedVersionPropertiesAsync(CancellationToken cancellationToken)
    {
        var sdk = Path.Combine(RepositoryPaths.Root, "src", "AsyncTestTemplates.Sdk");
        var writtenFrom = SdkVersionProperty().Matches(await File.ReadAllTextAsync(Path.Combine(sdk, "AsyncTestTemplates.Sdk.csproj"), cancellationToken))
            .ToDictionary(m => m.Groups["sdk"].Value, m => m.Groups["build"].Value);

        // A template's reference takes a ${Token} of Versions.props, or a property of the SDK ($(AsyncTestTemplatesSdkVersion)).
        var template = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "_shared", "Company.AsyncTests.csproj"), cancellationToken);
        var fromTemplate = PackageReference().Matches(template)
            .Select(r => (r.Groups["package"].Value, SdkPropertyReference().Match(r.Groups["version"].Value) is { Success: true } sdkProperty
                ? writtenFrom[sdkProperty.Groups[1].Value]
                : VersionToken().Match(r.Groups["version"].Value).Groups[1].Value));
        var fromSdk = PackageReference().Matches(await File.ReadAllTextAsync(Path.Combine(sdk, "Sdk", "AsyncTestTemplates.Sdk.Packages.targets"), cancellationToken))
            .Select(r => (r.Groups["package"].Value, writtenFrom[SdkPropertyReference().Match(r.Groups["version"].Value).Groups[1].Value]));
        return [.. fromTemplate, .. fromSdk];
    }

    // The pack's own packages are referenced at the version the pack was made with (a unique one per test run).
    private string VersionOf(string property) =>
        property is "AsyncTestTemplatesVersion" or "PackageVersion" ? package.Version : PackageVersions.ByProperty[property];


    [GeneratedRegex(@"<(?:PackageReference|_AsyncTestSdkPackage)\s+Include=""(?<package>[^""]+)""\s+Version=""(?<version>[^""]*)""")]
    private static partial Regex PackageReference();

    // In the SDK's pack: <_AsyncTestSdkVersion Include="AsyncTestXunitV3Version" Value="$(XunitV3Version)" />.
    [GeneratedRegex(@"<_AsyncTestSdkVersion\s+Include=""(?<sdk>[^""]+)""\s+Value=""\$\((?<build>[^)]+)\)""")]
    private static partial Regex SdkVersionProperty();

    [GeneratedRegex(@"^\$\(([^)]+)\)$")]
    private static partial Regex SdkPropertyReference();

    private static Regex VersionToken() => AsyncTestTemplates.Authoring.Packaging.VersionTokens.Token();
}
