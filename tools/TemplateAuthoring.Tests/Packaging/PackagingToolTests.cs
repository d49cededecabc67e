using AsyncTestTemplates.Authoring.Packaging;

namespace AsyncTestTemplates.Authoring.Tests.Packaging;

/// <summary>
/// What the authoring tool does when the package is packed: template files staged with their version
/// tokens filled in, and the package page composed.
/// </summary>
public sealed class PackagingToolTests
{
    [Fact]
    public void Known_tokens_are_filled_in_and_unknown_ones_are_left_and_reported()
    {
        var versions = new Dictionary<string, string> { ["XunitV3Version"] = "4.0.2" };

        var (text, unknown) = VersionTokens.Expand("<A Version=\"${XunitV3Version}\" /><B Version=\"${Missing}\" /> ${{ matrix.shard }} $HOME", versions);

        Assert.Equal("<A Version=\"4.0.2\" /><B Version=\"${Missing}\" /> ${{ matrix.shard }} $HOME", text);
        Assert.Equal(["Missing"], unknown);
    }

    [Theory]
    [InlineData("a/Company.AsyncTests.csproj", true)]
    [InlineData("a/.template.config/template.json", true)]
    [InlineData("a/.editorconfig", true)]
    [InlineData("a/.template.config/icon.png", false)]
    public void Tokens_are_expanded_in_text_files_only(string path, bool expanded) =>
        Assert.Equal(expanded, VersionTokens.IsTextFile(path));

    [Fact(Timeout = 30_000)]
    public async Task Staging_fills_in_versions_and_the_pack_version_copies_binaries_and_skips_build_output()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var pack = new DraftPack("a");
        pack.Versions["AsyncTestTemplatesVersion"] = "0.2.0";
        await pack.WriteAsync(cancellationToken);
        var template = pack.Single;
        await File.WriteAllTextAsync(pack.PathOf(template, "Library.props"), "<P Version=\"${AsyncTestTemplatesVersion}\" />", cancellationToken);
        await File.WriteAllBytesAsync(pack.PathOf(template, "logo.png"), [0x89, 0x24, 0x7B, 0x00], cancellationToken);
        Directory.CreateDirectory(pack.PathOf(template, "obj"));
        await File.WriteAllTextAsync(pack.PathOf(template, "obj", "left.json"), "{}", cancellationToken);
        var destination = Path.Combine(pack.TemplatesRoot, "..", "staged");

        var findings = await TemplateStager.StageAsync(pack.TemplatesRoot, destination, pack.VersionsFile, "1.0.0-test.1", cancellationToken);

        Assert.Empty(findings);
        Assert.Contains("Version=\"4.0.2\"", await File.ReadAllTextAsync(Path.Combine(destination, "a", "Draft.csproj"), cancellationToken), StringComparison.Ordinal);
        Assert.Equal("<P Version=\"1.0.0-test.1\" />", await File.ReadAllTextAsync(Path.Combine(destination, "a", "Library.props"), cancellationToken));
        Assert.Equal([0x89, 0x24, 0x7B, 0x00], await File.ReadAllBytesAsync(Path.Combine(destination, "a", "logo.png"), cancellationToken));
        Assert.True(File.Exists(Path.Combine(destination, "a", ".template.config", "template.json")));
        Assert.False(Directory.Exists(Path.Combine(destination, "a", "obj")));
    }

    [Fact(Timeout = 30_000)]
    public async Task Staging_reports_an_unknown_token_as_TPL0100_as_the_validator_does()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var pack = new DraftPack("a");
        pack.Versions.Clear();
        await pack.WriteAsync(cancellationToken);

        var findings = await TemplateStager.StageAsync(pack.TemplatesRoot, Path.Combine(pack.TemplatesRoot, "..", "staged"), pack.VersionsFile, "1.0.0", cancellationToken);

        var finding = Assert.Single(findings);
        Assert.Equal("TPL0100", finding.Code);
        Assert.Equal($"Unknown version token '${{XunitV3Version}}': define XunitV3Version in {pack.VersionsFile}.", finding.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task Staging_writes_the_library_files_a_template_lists_in_its_namespace_and_reports_a_missing_one_as_TPL0026()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var pack = new DraftPack("a");
        await pack.WriteAsync(cancellationToken);
        var library = Path.Combine(pack.TemplatesRoot, "..", "lib");
        Directory.CreateDirectory(Path.Combine(library, "Time"));
        await File.WriteAllTextAsync(Path.Combine(library, "Time", "Clock.cs"), "namespace Lib.Testing;\n\npublic sealed partial class Clock;\n", cancellationToken);
        var list = pack.PathOf(pack.Single, ".template.config", LibraryFiles.FileName);
        await File.WriteAllTextAsync(list, """
            { "from": "../../lib", "to": "V2", "namespace": "Lib.Testing", "placeholder": "ProjectNamespace", "files": [ "Time/Clock.cs", "Time/Gone.cs" ] }
            """, cancellationToken);
        var destination = Path.Combine(pack.TemplatesRoot, "..", "staged");

        var findings = await TemplateStager.StageAsync(pack.TemplatesRoot, destination, pack.VersionsFile, "1.0.0", cancellationToken);

        Assert.Equal("namespace ProjectNamespace;\n\npublic sealed partial class Clock;\n", await File.ReadAllTextAsync(Path.Combine(destination, "a", "V2", "Clock.cs"), cancellationToken));
        Assert.False(File.Exists(Path.Combine(destination, "a", ".template.config", LibraryFiles.FileName)), "the list is the authoring tool's");
        var finding = Assert.Single(findings);
        Assert.Equal("TPL0026", finding.Code);
        Assert.StartsWith("'Time/Gone.cs' is no file under ", finding.Message, StringComparison.Ordinal);
    }

    // The xunit v2 item's fake clock is the library's own file: one source, not a copy kept in step.
    [Fact(Timeout = 60_000)]
    public async Task The_v2_item_gets_the_library_s_fake_clock_in_the_project_s_namespace()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var staged = new TemporaryDirectory("staged-library-files");

        Assert.Empty(await TemplateStager.StageAsync(RepositoryPaths.Templates, staged.Path, RepositoryPaths.VersionsFile, "1.0.0", cancellationToken));

        foreach (var file in (string[])["TimerAwareFakeTimeProvider.cs", "PendingTimer.cs"])
        {
            var library = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "src", "AsyncTestTemplates.Testing", "Time", file), cancellationToken);
            var written = await File.ReadAllTextAsync(Path.Combine(staged.Path, "item", "async-test-settings", "XunitV2", file), cancellationToken);
            Assert.Equal(library.Replace("namespace AsyncTestTemplates.Testing;", "namespace AsyncTestsNamespace;", StringComparison.Ordinal), written);
        }
    }

    [Fact]
    public void The_package_page_is_the_page_then_the_guide_with_local_links_as_plain_text()
    {
        var page = PackageReadme.Compose(
            "# Pack\r\nSee [the guide](docs/guide.md) and [xunit](https://xunit.net).\r\n\r\n",
            "# Guide\n[Mistake 1](#1-mistake)\n");

        Assert.Equal("# Pack\nSee the guide and [xunit](https://xunit.net).\n\n---\n\n# Guide\nMistake 1\n", page);
    }
}
