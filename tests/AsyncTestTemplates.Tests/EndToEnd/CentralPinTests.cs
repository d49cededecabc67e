using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// Central Package Management with pins the pack cannot run with: the project templates override
/// exactly those pins for their project (or, where the repository forbids overrides, fail naming each
/// pin and the line to change), and keep every pin that still works; the items pin what they add.
/// </summary>
public sealed class CentralPinTests(TemplatePackage package)
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(5);

    /// <summary>A repository's v2-era pins: the runner cannot see xunit v3 tests; the test SDK and collector still work.</summary>
    private const string V2EraPins = """
            <PackageVersion Include="xunit.runner.visualstudio" Version="2.5.3" />
            <PackageVersion Include="Microsoft.NET.Test.Sdk" Version="17.8.0" />
            <PackageVersion Include="coverlet.collector" Version="6.0.0" />
        """;

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-hosted-tests")]
    public async Task A_hosted_test_project_under_v2_era_pins_runs_its_tests_and_names_the_pin_it_overrides_or_cannot()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        var pins = Path.Combine(repository.Root, "Directory.Packages.props");
        await File.WriteAllTextAsync(pins, CentralPackages("", V2EraPins), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(repository.Root, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
            </Project>
            """, cancellationToken);
        await WriteWorkerAsync(repository, cancellationToken);

        var project = await GeneratedProject.CreateFromAsync("async-hosted-tests", package, Path.Combine(repository.TestsDirectory, "Acme.Worker.Tests"), cancellationToken,
            "-n", "Acme.Worker.Tests", "--samples", "false", "--sut", SampleRepository.WorkerSutArgument);

        // The build says which pin it overrode, where, and the line that would make it one version everywhere.
        var build = await project.BuildAsync(cancellationToken);
        Assert.Contains($"{pins} pins xunit.runner.visualstudio 2.5.3", build.Output, StringComparison.Ordinal);
        Assert.Contains($"""<PackageVersion Include="xunit.runner.visualstudio" Version="{PackageVersions.ByProperty["XunitRunnerVisualStudioVersion"]}" />""", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("pins Microsoft.NET.Test.Sdk", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("pins coverlet.collector", build.Output, StringComparison.Ordinal);

        var test = await project.TestAsync(cancellationToken);
        Assert.True(test.ExitCode == 0, test.ToString());
        var (passed, failed, total) = project.ReadTrxCounters();
        Assert.True(total > 0 && passed == total && failed == 0, $"{passed} passed, {failed} failed of {total}\n{test}");
        // Only the runner was overridden: the pins that work are the repository's.
        var assets = await File.ReadAllTextAsync(Path.Combine(project.Directory, "obj", "project.assets.json"), cancellationToken);
        Assert.Contains($"\"xunit.runner.visualstudio/{PackageVersions.ByProperty["XunitRunnerVisualStudioVersion"]}\"", assets, StringComparison.Ordinal);
        Assert.Contains("\"Microsoft.NET.Test.Sdk/17.8.0\"", assets, StringComparison.Ordinal);
        Assert.Contains("\"coverlet.collector/6.0.0\"", assets, StringComparison.Ordinal);

        // A repository that forbids overrides: the build fails, naming the pin, its file and the line to write.
        await File.WriteAllTextAsync(pins, CentralPackages("<CentralPackageVersionOverrideEnabled>false</CentralPackageVersionOverrideEnabled>", V2EraPins), cancellationToken);
        var refused = await Dotnet.RunAsync(project.Directory, CommandLimit, cancellationToken, "build", "-nologo");
        Assert.True(refused.ExitCode != 0, refused.ToString());
        var error = Assert.Single(refused.Output.Split('\n').Where(line => line.Contains("error ATT023", StringComparison.Ordinal)).Distinct());
        Assert.Contains($"{pins} pins xunit.runner.visualstudio 2.5.3", error, StringComparison.Ordinal);
        Assert.Contains("CentralPackageVersionOverrideEnabled", error, StringComparison.Ordinal);
        Assert.Contains($"""<PackageVersion Include="xunit.runner.visualstudio" Version="{PackageVersions.ByProperty["XunitRunnerVisualStudioVersion"]}" />""", error, StringComparison.Ordinal);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-test-settings", "async-fixture", "async-test-class")]
    public async Task The_settings_item_under_central_package_management_pins_its_package_and_never_lowers_a_repository_s_pin()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("items-cpm-v2");
        // An xunit v2 repository under Central Package Management whose tests already use fake time, pinned at a
        // version above the one the pack is tested with (the item used to write its own version over it).
        const string HigherPin = """<PackageVersion Include="Microsoft.Extensions.TimeProvider.Testing" Version="11.0.0" />""";
        Assert.NotEqual("11.0.0", PackageVersions.ByProperty["MicrosoftExtensionsTimeProviderTestingVersion"]);
        await File.WriteAllTextAsync(root.Combine("Directory.Packages.props"), CentralPackages("", $"""
                <PackageVersion Include="xunit" Version="2.9.3" />
                <PackageVersion Include="xunit.runner.visualstudio" Version="2.8.2" />
                <PackageVersion Include="Microsoft.NET.Test.Sdk" Version="{PackageVersions.ByProperty["MicrosoftNETTestSdkVersion"]}" />
                {HigherPin}
            """), cancellationToken);
        var directory = root.Combine("Legacy.Tests");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "Legacy.Tests.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="xunit" />
                <PackageReference Include="xunit.runner.visualstudio" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" />
                <PackageReference Include="Microsoft.Extensions.TimeProvider.Testing" />
              </ItemGroup>
            </Project>
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "ClockTests.cs"), """
            using Microsoft.Extensions.Time.Testing;
            using Xunit;

            namespace Legacy.Tests;

            public sealed class ClockTests
            {
                [Fact]
                public void Time_moves_when_told()
                {
                    var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
                    time.Advance(TimeSpan.FromMinutes(1));
                    Assert.Equal(1, time.GetUtcNow().Minute);
                }
            }
            """, cancellationToken);
        var restore = await Dotnet.RunAsync(directory, CommandLimit, cancellationToken, "restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var item = await package.NewAsync(directory, cancellationToken, "async-test-settings");
        Assert.True(item.ExitCode == 0, item.ToString());

        // Its own package pinned at the pack's version; the repository's pin as it was.
        var central = await File.ReadAllTextAsync(root.Combine("Directory.Packages.props"), cancellationToken);
        Assert.Contains($"""<PackageVersion Include="AsyncTestTemplates.Testing.Settings" Version="{package.Version}" />""", central, StringComparison.Ordinal);
        Assert.Contains(HigherPin, central, StringComparison.Ordinal);
        Assert.Single(central.Split('\n'), line => line.Contains("Microsoft.Extensions.TimeProvider.Testing", StringComparison.Ordinal));

        // The project builds with the item's files (its fake clock on the repository's version) and runs its tests.
        await File.WriteAllTextAsync(Path.Combine(directory, "WaitTests.cs"), """
            using Xunit;

            namespace Legacy.Tests;

            public sealed class WaitTests
            {
                [Fact]
                public async Task A_timer_fires_when_the_clock_passes_it()
                {
                    var time = new TimerAwareFakeTimeProvider();
                    var delay = Task.Delay(TimeSpan.FromSeconds(5), time);
                    await time.AdvanceAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
                    await delay.WaitWithinGuardAsync("the delay to end", CancellationToken.None);
                }
            }
            """, cancellationToken);
        var test = await Dotnet.RunAsync(directory, CommandLimit, cancellationToken, "test", "-nologo");
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Contains("Passed:     2, Skipped:     0, Total:     2", test.Output, StringComparison.Ordinal);
    }

    /// <summary>A small worker at src/Acme.Worker whose package versions the repository's Directory.Packages.props sets.</summary>
    private static async Task WriteWorkerAsync(SampleRepository repository, CancellationToken cancellationToken)
    {
        var project = Path.Combine(repository.Root, "src", "Acme.Worker");
        Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(Path.Combine(project, "Acme.Worker.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Worker">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Extensions.Hosting" />
              </ItemGroup>
            </Project>
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), """
            using Acme.Worker;

            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddHostedService<HeartbeatWorker>();
            builder.Build().Run();

            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "HeartbeatWorker.cs"), """
            namespace Acme.Worker;

            internal sealed class HeartbeatWorker(TimeProvider time, ILogger<HeartbeatWorker> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
                    while (await timer.WaitForNextTickAsync(stoppingToken))
                    {
                        logger.LogInformation("Heartbeat");
                    }
                }
            }

            """, cancellationToken);
    }

    /// <summary>A Directory.Packages.props with Central Package Management on, more properties and the pins.</summary>
    private static string CentralPackages(string properties, string versions) => $"""
        <Project>
          <PropertyGroup>
            <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
            {properties}
          </PropertyGroup>
          <ItemGroup>
            <PackageVersion Include="Microsoft.Extensions.Hosting" Version="{PackageVersions.ByProperty["MicrosoftExtensionsHostingVersion"]}" />
        {versions}
          </ItemGroup>
        </Project>
        """;
}
