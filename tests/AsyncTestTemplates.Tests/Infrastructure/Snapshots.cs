using System.Reflection;
using System.Text.RegularExpressions;

namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>Shared settings of this suite's snapshot scenarios.</summary>
public static partial class Snapshots
{
    /// <summary>Snapshots/ in the source tree (recorded at build time), so a <c>.received/</c> folder lands next to the verified one.</summary>
    public static string Directory { get; } =
        typeof(Snapshots).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SnapshotsDirectory").Value!;

    /// <summary>
    /// Package and project SDK versions become a placeholder (a version that is an MSBuild property stays): a version bump in build/Versions.props
    /// (or the run's own version of the pack's SDK) must not churn every snapshot (PackageVersionTests
    /// checks the versions themselves).
    /// </summary>
    public static Scrubber PackageVersions { get; } = (_, content) =>
        SdkVersion().Replace(PackageVersion().Replace(content, "${1}{version}${2}"), "${1}{version}${2}");

    [GeneratedRegex(@"(<PackageReference Include=""[^""]+"" Version="")(?!\$\()[^""]+("")")]
    private static partial Regex PackageVersion();

    [GeneratedRegex(@"(<Project Sdk=""[^""/]+/)[^""]+("")")]
    private static partial Regex SdkVersion();
}
