using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncTestTemplates.Testing.Analyzers.Tests;

/// <summary>What the built analyzer assembly is: loadable by the .NET 8 SDK's compiler, and its rules' metadata.</summary>
public sealed class AnalyzerAssemblyTests
{
    /// <summary>Microsoft.CodeAnalysis 4.8.0 is the compiler of the .NET 8 SDK (8.0.1xx), the oldest the library supports.</summary>
    private static readonly Version OldestCompiler = new(4, 8, 0, 0);

    private static readonly Assembly Analyzers = typeof(TestWithoutTimeoutAnalyzer).Assembly;

    private static readonly DiagnosticAnalyzer[] AllAnalyzers = [new TestWithoutTimeoutAnalyzer(), new UnobservedTaskLocalAnalyzer()];

    [Fact]
    public void The_assembly_references_no_Roslyn_newer_than_the_dotnet_8_SDKs_compiler()
    {
        using var stream = File.OpenRead(Analyzers.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var roslyn = metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .Select(reference => (Name: metadata.GetString(reference.Name), reference.Version))
            .Where(reference => reference.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(roslyn, reference => reference.Name == "Microsoft.CodeAnalysis");
        Assert.All(roslyn, reference => Assert.True(reference.Version <= OldestCompiler, $"{reference.Name} {reference.Version} is newer than {OldestCompiler}."));
    }

    [Fact]
    public void The_assembly_targets_netstandard2_0_and_needs_no_System_Composition()
    {
        var names = Analyzers.GetReferencedAssemblies().Select(reference => reference.Name).ToList();

        Assert.Contains("netstandard", names);
        Assert.DoesNotContain(names, name => name!.StartsWith("System.Composition", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_rule_is_an_ATA1xxx_warning_with_a_link_to_its_guide_section()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "async-testing-guide.md"));
        var descriptors = AllAnalyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics).ToList();

        Assert.Equal(["ATA1001", "ATA1002"], descriptors.Select(descriptor => descriptor.Id).Order(StringComparer.Ordinal));
        Assert.All(descriptors, descriptor =>
        {
            Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
            var anchor = descriptor.HelpLinkUri[(descriptor.HelpLinkUri.IndexOf('#', StringComparison.Ordinal) + 1)..];
            Assert.Contains(anchor, guide.Split('\n').Where(line => line.StartsWith("### ", StringComparison.Ordinal)).Select(Anchor));
            Assert.Contains($"**{descriptor.Id}**", guide, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// A NuGet user's editor opens the help link as it stands: it must be an absolute http(s) address, the
    /// guide's address that Directory.Build.props sets (the one place naming the project's address, which
    /// also feeds the packages' project and repository URLs) followed by the rule's section.
    /// </summary>
    [Fact]
    public void Every_help_link_is_an_absolute_address_built_from_the_one_the_build_sets()
    {
        var properties = XDocument.Load(Path.Combine(RepositoryRoot(), "Directory.Build.props")).Descendants("PropertyGroup").Elements()
            .ToDictionary(element => element.Name.LocalName, element => element.Value.Trim(), StringComparer.Ordinal);
        var repository = properties["AsyncTestTemplatesRepositoryUrl"];
        var guide = properties["AsyncTestTemplatesGuideUrl"].Replace("$(AsyncTestTemplatesRepositoryUrl)", repository, StringComparison.Ordinal);
        Assert.Equal("$(AsyncTestTemplatesRepositoryUrl)", properties["PackageProjectUrl"]);
        Assert.Equal("$(AsyncTestTemplatesRepositoryUrl)", properties["RepositoryUrl"]);
        Assert.True(Uri.TryCreate(repository, UriKind.Absolute, out var repositoryUri) && repositoryUri.Scheme is "https" or "http", repository);
        Assert.StartsWith(repository + "/", guide, StringComparison.Ordinal);

        var descriptors = AllAnalyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics).ToList();
        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, descriptor =>
        {
            Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var link), $"{descriptor.Id}: '{descriptor.HelpLinkUri}' is not an absolute address.");
            Assert.True(link.Scheme is "https" or "http", $"{descriptor.Id}: {link}");
            Assert.Equal(guide, link.GetLeftPart(UriPartial.Path));
            Assert.False(string.IsNullOrEmpty(link.Fragment.TrimStart('#')), $"{descriptor.Id}: {link} names no section.");
        });
    }

    /// <summary>The anchor GitHub gives a heading: lower case, spaces to hyphens, punctuation other than hyphens dropped.</summary>
    private static string Anchor(string heading) =>
        new([.. heading.TrimStart('#').Trim().ToLowerInvariant().Replace(' ', '-').Where(c => char.IsLetterOrDigit(c) || c is '-' or '_')]);

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AsyncTestTemplates.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (AsyncTestTemplates.slnx) is not above " + AppContext.BaseDirectory);
    }
}
