using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace AsyncTestTemplates.Testing.Analyzers.Tests.Verification;

/// <summary>
/// What the code under analysis compiles against, all read from disk: nothing is downloaded.
/// </summary>
/// <remarks>
/// The testing library's ready-made sets (<c>ReferenceAssemblies.Net.Net80</c> and the like) fetch their
/// packages at test time. Instead the code compiles against this process's own framework and the xunit v3
/// assemblies this test project already references (xunit.v3 4.x, the same as generated projects use).
/// </remarks>
internal static class TestReferences
{
    /// <summary>A target framework with no reference package: the testing library resolves nothing for it.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    /// <summary>The running .NET's own assemblies.</summary>
    public static ImmutableArray<MetadataReference> Runtime { get; } =
        Load(path => Path.GetDirectoryName(path) == Path.GetDirectoryName(typeof(object).Assembly.Location));

    /// <summary>The xunit v3 assemblies of this test project.</summary>
    public static ImmutableArray<MetadataReference> Xunit { get; } =
        Load(path => Path.GetFileName(path).StartsWith("xunit.v3.", StringComparison.OrdinalIgnoreCase));

    /// <summary>What a test project's code compiles against: the runtime and xunit v3.</summary>
    public static ImmutableArray<MetadataReference> TestProject { get; } = Runtime.AddRange(Xunit);

    private static ImmutableArray<MetadataReference> Load(Func<string, bool> include) =>
    [
        .. ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(include)
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
    ];
}
