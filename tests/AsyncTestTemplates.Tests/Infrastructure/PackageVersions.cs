using AsyncTestTemplates.Authoring.Packaging;

namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>The versions in build/Versions.props, by property name, read as staging reads them.</summary>
public static class PackageVersions
{
    public static IReadOnlyDictionary<string, string> ByProperty { get; } = VersionTokens.Read(RepositoryPaths.VersionsFile);
}
