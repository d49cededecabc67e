
namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>
/// A test project written by hand, as real repositories have them rather than as the pack makes them:
/// xunit v3 for VSTest (or for Microsoft.Testing.Platform), with the settings a test chooses (implicit
/// usings, a root namespace, versions pinned centrally by a Directory.Packages.props, a global using of Xunit).
/// </summary>
public static class HandMadeProject
{
    /// <summary>Writes <c>&lt;directory&gt;/&lt;name&gt;.csproj</c> and returns its path.</summary>
    public static async Task<string> WriteAsync(string directory, string name, CancellationToken cancellationToken,
        bool implicitUsings = true, string? rootNamespace = null, bool centralVersions = false, bool globalUsingXunit = false,
        bool testingPlatform = false)
    {
        Directory.CreateDirectory(directory);
        var projectFile = Path.Combine(directory, name + ".csproj");
        await File.WriteAllTextAsync(projectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>{(rootNamespace is null ? "" : $"\n    <RootNamespace>{rootNamespace}</RootNamespace>")}
                <Nullable>enable</Nullable>
                <ImplicitUsings>{(implicitUsings ? "enable" : "disable")}</ImplicitUsings>
                <OutputType>Exe</OutputType>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                {(testingPlatform ? Reference("xunit.v3", "XunitV3Version", centralVersions) : VsTestReferences(centralVersions))}{(globalUsingXunit ? "\n    <Using Include=\"Xunit\" />" : "")}
              </ItemGroup>
            </Project>
            """, cancellationToken);
        return projectFile;
    }

    private static string VsTestReferences(bool centralVersions) =>
        Reference("xunit.v3.mtp-off", "XunitV3Version", centralVersions) + "\n    " +
        Reference("xunit.runner.visualstudio", "XunitRunnerVisualStudioVersion", centralVersions) + "\n    " +
        Reference("Microsoft.NET.Test.Sdk", "MicrosoftNETTestSdkVersion", centralVersions);

    private static string Reference(string package, string versionProperty, bool centralVersions) =>
        centralVersions
            ? $"""<PackageReference Include="{package}" />"""
            : $"""<PackageReference Include="{package}" Version="{PackageVersions.ByProperty[versionProperty]}" />""";
}
