using System.Text.Json;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// Adopters take only what they use, at their framework's major (docs/packages.md): what a generated
/// project really restores, read from the restore's own record (obj/project.assets.json), not from
/// its project file.
/// </summary>
[Template("async-tests", "async-hosted-tests", "async-integration-tests")]
public sealed class PackageSplitTests(TemplatePackage package)
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(5);

    // The packages a project without a host has no use for.
    private static readonly string[] HostPackagePrefixes =
        ["Microsoft.Extensions.Hosting", "Microsoft.Extensions.Http", "Microsoft.AspNetCore.", "AsyncTestTemplates.Testing.Hosting", "AsyncTestTemplates.Testing.AspNetCore"];

    [Theory(Timeout = EndToEndLimits.Test)]
    [Template("async-tests")]
    [InlineData("net8.0", "8.")]
    [InlineData("net10.0", "10.")]
    public async Task A_unit_test_project_restores_no_hosting_http_or_aspnetcore_package(string framework, string major)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("split-unit");
        var project = await GeneratedProject.CreateAsync(package, root.Combine("Acme.Orders.Tests"), cancellationToken, "-n", "Acme.Orders.Tests", "--framework", framework);

        var libraries = await RestoreAsync(project, cancellationToken);

        // The restore read is the real one: the core library and what it depends on are in it.
        Assert.Contains($"AsyncTestTemplates.Testing/{package.Version}", libraries);
        Assert.Contains($"AsyncTestTemplates.Testing.Settings/{package.Version}", libraries);
        Assert.Contains(libraries, library => library.StartsWith("Microsoft.Extensions.TimeProvider.Testing/", StringComparison.Ordinal));
        var hostPackages = libraries.Where(library => HostPackagePrefixes.Any(prefix => library.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(hostPackages.Count == 0, $"async-tests restored host packages: {string.Join(", ", hostPackages)}");
        // The logging the fake logger sits on is the framework's major (the core library's dependencies pick it per framework).
        var logging = Assert.Single(libraries, library => library.StartsWith("Microsoft.Extensions.Logging/", StringComparison.Ordinal));
        Assert.True(logging.StartsWith($"Microsoft.Extensions.Logging/{major}", StringComparison.Ordinal), $"a {framework} project restored {logging}");
    }

    [Theory(Timeout = EndToEndLimits.Test)]
    [Template("async-hosted-tests")]
    [InlineData("net8.0", "8.")]
    [InlineData("net10.0", "10.")]
    public async Task A_hosted_project_gets_the_hosting_package_with_its_frameworks_major_of_microsoft_extensions(string framework, string major)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("split-hosted");
        var project = await GeneratedProject.CreateFromAsync(
            "async-hosted-tests", package, root.Combine("Acme.Worker.Tests"), cancellationToken, "-n", "Acme.Worker.Tests", "--framework", framework);

        var libraries = await RestoreAsync(project, cancellationToken);

        Assert.Contains($"AsyncTestTemplates.Testing.Hosting/{package.Version}", libraries);
        Assert.Contains($"AsyncTestTemplates.Testing/{package.Version}", libraries);
        foreach (var id in new[] { "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Http" })
        {
            var restored = Assert.Single(libraries, library => library.StartsWith(id + "/", StringComparison.Ordinal));
            Assert.True(restored.StartsWith($"{id}/{major}", StringComparison.Ordinal), $"a {framework} project restored {restored}");
        }

        Assert.DoesNotContain(libraries, library => library.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal));
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-integration-tests")]
    public async Task A_net8_integration_project_gets_the_aspnetcore_package_with_8x_test_host_and_hosting()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("split-web");
        var project = await GeneratedProject.CreateFromAsync(
            "async-integration-tests", package, root.Combine("Acme.Api.IntegrationTests"), cancellationToken,
            "-n", "Acme.Api.IntegrationTests", "--framework", "net8.0", "--database", "none");

        var libraries = await RestoreAsync(project, cancellationToken);

        foreach (var id in new[] { "AsyncTestTemplates.Testing.AspNetCore", "AsyncTestTemplates.Testing.Hosting", "AsyncTestTemplates.Testing" })
        {
            Assert.Contains($"{id}/{package.Version}", libraries);
        }

        foreach (var id in new[] { "Microsoft.AspNetCore.Mvc.Testing", "Microsoft.AspNetCore.TestHost", "Microsoft.Extensions.Hosting" })
        {
            var restored = Assert.Single(libraries, library => library.StartsWith(id + "/", StringComparison.Ordinal));
            Assert.True(restored.StartsWith($"{id}/8.", StringComparison.Ordinal), $"a net8.0 project restored {restored}");
        }
    }

    // `dotnet restore` as a user's first build does it, then the libraries (id/version) the restore resolved.
    private static async Task<IReadOnlyList<string>> RestoreAsync(GeneratedProject project, CancellationToken cancellationToken)
    {
        var restore = await Dotnet.RunAsync(project.Directory, CommandLimit, cancellationToken, "restore", "-nologo");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        await using var assets = File.OpenRead(Path.Combine(project.Directory, "obj", "project.assets.json"));
        using var document = await JsonDocument.ParseAsync(assets, cancellationToken: cancellationToken);
        return [.. document.RootElement.GetProperty("libraries").EnumerateObject().Select(library => library.Name)];
    }
}
