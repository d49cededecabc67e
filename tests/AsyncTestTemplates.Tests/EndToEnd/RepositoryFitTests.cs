using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// Generated projects inside real repositories: Central Package Management with and without
/// central versions for our packages, and strict build settings for the tests of real apps (the
/// templates' own code under the strictest settings: <see cref="StrictPolicyTests"/>).
/// </summary>
public sealed class RepositoryFitTests(TemplatePackage package)
{
    private const string StrictProps = """
        <Project>
          <PropertyGroup>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <AnalysisLevel>latest-recommended</AnalysisLevel>
            <EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild>
          </PropertyGroup>
        </Project>
        """;

    /// <summary>A repository's strict code style (StrictPolicyTests puts its project templates under it too).</summary>
    internal const string StrictEditorConfig = """
        root = true

        [*.cs]
        csharp_style_namespace_declarations = block_scoped:error
        csharp_style_var_for_built_in_types = false:error
        csharp_style_var_when_type_is_apparent = false:error
        dotnet_style_qualification_for_field = false:error
        dotnet_diagnostic.IDE0161.severity = error
        dotnet_diagnostic.IDE0008.severity = error
        dotnet_diagnostic.CA2007.severity = error
        dotnet_diagnostic.CA1062.severity = error
        dotnet_diagnostic.CA1707.severity = error
        """;

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-tests")]
    public async Task Central_package_management_without_central_versions_for_our_packages()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(repository.Root, "Directory.Packages.props"), CentralPackages(""), cancellationToken);

        var project = await CreateBuildAndTestAsync("async-tests", repository, cancellationToken, "--samples", "false");

        Assert.Equal((1, 0, 1), project.ReadTrxCounters());
    }

    [Theory(Timeout = EndToEndLimits.Test)]
    [InlineData("async-tests", 12)]
    [InlineData("async-hosted-tests", 6)]
    [Template("async-tests")]
    public async Task Central_package_management_keeps_the_repository_s_own_versions(string template, int sampleTests)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        // A repository that pins an older coverlet than ours, and one of our xunit packages.
        await File.WriteAllTextAsync(Path.Combine(repository.Root, "Directory.Packages.props"), CentralPackages("""
                <PackageVersion Include="coverlet.collector" Version="6.0.4" />
                <PackageVersion Include="xunit.v3.mtp-off" Version="$(XunitV3Version)" />
            """.Replace("$(XunitV3Version)", PackageVersions.ByProperty["XunitV3Version"])), cancellationToken);

        var project = await CreateBuildAndTestAsync(template, repository, cancellationToken);

        Assert.Equal((sampleTests, 0, sampleTests), project.ReadTrxCounters());
        var assets = await File.ReadAllTextAsync(Path.Combine(project.Directory, "obj", "project.assets.json"), cancellationToken);
        Assert.Contains("\"coverlet.collector/6.0.4\"", assets);
        Assert.DoesNotContain($"\"coverlet.collector/{PackageVersions.ByProperty["CoverletCollectorVersion"]}\"", assets);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-hosted-tests", "async-integration-tests")]
    public async Task Strict_test_settings_do_not_break_the_sut_first_tests_of_a_real_worker_and_a_startup_style_api()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        // Strict for the test projects only (tests/): the apps under test are the user's, as they are.
        await File.WriteAllTextAsync(Path.Combine(repository.TestsDirectory, "Directory.Build.props"), StrictProps, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(repository.TestsDirectory, ".editorconfig"), StrictEditorConfig, cancellationToken);
        await RealWorker.WriteAsync(repository, RealWorker.Shape.ApplicationBuilder, cancellationToken);
        await repository.AddStartupStyleWebApiAsync(cancellationToken);

        var worker = await GeneratedProject.CreateFromAsync(
            "async-hosted-tests", package, Path.Combine(repository.TestsDirectory, "Acme.Worker.Tests"), cancellationToken,
            ["-n", "Acme.Worker.Tests", "--samples", "false", "--sut", SampleRepository.WorkerSutArgument]);
        var api = await GeneratedProject.CreateFromAsync(
            "async-integration-tests", package, Path.Combine(repository.TestsDirectory, "Acme.Api.Tests"), cancellationToken,
            ["-n", "Acme.Api.Tests", "--samples", "false", "--sut", SampleRepository.WebApiSutArgument]);

        foreach (var (project, tests) in new[] { (worker, 2), (api, 3) })
        {
            await project.BuildAsync(cancellationToken);
            var test = await project.TestAsync(cancellationToken);
            Assert.True(test.ExitCode == 0, test.ToString());
            Assert.Equal((tests, 0, tests), project.ReadTrxCounters());
        }
    }

    private async Task<GeneratedProject> CreateBuildAndTestAsync(string template, SampleRepository repository, CancellationToken cancellationToken, params string[] arguments)
    {
        var project = await GeneratedProject.CreateFromAsync(
            template, package, Path.Combine(repository.TestsDirectory, "Acme.Orders.Tests"), cancellationToken, ["-n", "Acme.Orders.Tests", .. arguments]);
        await project.BuildAsync(cancellationToken);
        var test = await project.TestAsync(cancellationToken);
        Assert.True(test.ExitCode == 0, test.ToString());
        return project;
    }

    private static string CentralPackages(string versions) => $"""
        <Project>
          <PropertyGroup>
            <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
          </PropertyGroup>
          <ItemGroup>
        {versions}
          </ItemGroup>
        </Project>
        """;
}
