using System.Xml.Linq;

namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>The versions in build/Versions.props, by property name.</summary>
public static class PackageVersions
{
    public static IReadOnlyDictionary<string, string> ByProperty { get; } =
        XDocument.Load(RepositoryPaths.VersionsFile).Root!
            .Elements("PropertyGroup").Elements()
            .ToDictionary(e => e.Name.LocalName, e => e.Value.Trim());
}
