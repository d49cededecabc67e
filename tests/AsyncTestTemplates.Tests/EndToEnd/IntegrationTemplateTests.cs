using System.Text.RegularExpressions;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// async-integration-tests from the real package to a plain <c>dotnet test</c>: the database
/// flavours under both runners, PostgreSQL without a server (a clear failure) and against a real
/// one, and --sut pointing at the SDK's own <c>dotnet new webapi</c> project, a Startup-style API with
/// its Program in a namespace, a minimal API that ignores ConnectionStrings, and an internal Program on .NET 8.
/// </summary>
[Template("async-integration-tests")]
public sealed class IntegrationTemplateTests(TemplatePackage package)
{
    public static TheoryData<bool, string, bool> Cases { get; } = new()
    {
        // repository selects MTP, --database, samples
        { false, "sqlite", true },
        { true, "none", true },
    };

    [Theory(Timeout = EndToEndLimits.Test)]
    [MemberData(nameof(Cases))]
    public async Task Generated_project_passes_a_plain_dotnet_test(bool repositorySelectsMtp, string database, bool samples)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(repositorySelectsMtp, cancellationToken);
        var project = await CreateAsync(repository, cancellationToken, "--database", database, "--samples", samples ? "true" : "false");
        await project.BuildAsync(cancellationToken);

        var test = await project.TestAsync(cancellationToken);

        Assert.True(test.ExitCode == 0, test.ToString());
        var expected = ExpectedTests(database, samples);
        Assert.Equal((expected, 0, expected), project.ReadTrxCounters());
        Assert.Contains(repositorySelectsMtp ? "Test run summary" : "Passed!", test.StandardOutput);
        if (samples && database == "sqlite")
        {
            // The guide's samples are the default project's: SQLite.
            AsyncTestingGuide.Load().AssertSamplesPassed("async-integration-tests", project);
            // What the app logs, from a request and from its background worker, is in the test's output.
            Assert.Contains("Daily report abandoned: the client went away", project.ReadTrxOutput("A_report_that_takes_too_long_is_cut_off_by_the_client_timeout"), StringComparison.Ordinal);
            Assert.Contains("Confirmed order ", project.ReadTrxOutput("A_confirmed_order_is_confirmed_in_the_background_and_never_expires"), StringComparison.Ordinal);
        }
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Postgres_flavour_fails_clearly_without_a_server_and_passes_against_one_then_drops_its_databases()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        var project = await CreateAsync(repository, cancellationToken, "--database", "postgres");
        await project.BuildAsync(cancellationToken);
        var expected = ExpectedTests("postgres", samples: true);

        // Nothing listens on port 1: every test fails, with the reason and the fix.
        var absent = await project.TestAsync(
            new Dictionary<string, string?> { [PostgresServer.Variable] = "Host=127.0.0.1;Port=1;Username=postgres" }, cancellationToken);

        Assert.True(absent.ExitCode != 0, absent.ToString());
        Assert.Equal((0, expected, expected), project.ReadTrxCounters());
        Assert.Contains("No PostgreSQL server to test against at 127.0.0.1:1 as 'postgres'", absent.Output);
        Assert.Contains($"Set the environment variable {PostgresServer.Variable}", absent.Output);

        var server = PostgresServer.FromEnvironment();
        Directory.Delete(project.ResultsDirectory, recursive: true);
        var before = await server.ListTestDatabasesAsync(cancellationToken);

        var present = await project.TestAsync(new Dictionary<string, string?> { [PostgresServer.Variable] = server.ConnectionString }, cancellationToken);

        Assert.True(present.ExitCode == 0, present.ToString());
        Assert.Equal((expected, 0, expected), project.ReadTrxCounters());
        // Each fixture's database was created on that server and dropped again.
        Assert.Equal(before, await server.ListTestDatabasesAsync(cancellationToken));
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task A_web_api_under_test_passes_its_generated_test_against_the_real_app()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: true, cancellationToken);
        await repository.AddWebApiAsync(cancellationToken);
        var project = await CreateAsync(repository, cancellationToken, "--sut", SampleRepository.WebApiSutArgument, "--samples", "false");

        // The SDK's webapi pins a package version this registry lacks: its NU1603 is the only warning.
        var warnings = await project.BuildAllowingNu1603Async(cancellationToken);
        Assert.All(warnings, line => Assert.Contains("Microsoft.AspNetCore.OpenApi", line, StringComparison.Ordinal));
        // As on a CI agent, where coverage is collected.
        var test = await project.TestOnCiAsync(cancellationToken);

        Assert.True(test.ExitCode == 0, test.ToString());
        // The project under test's one test, and the example tests (no samples).
        var expected = 1 + ExpectedTests("sqlite", samples: false);
        Assert.Equal((expected, 0, expected), project.ReadTrxCounters());
        var coverage = project.ReadCoverageByPackage();
        Assert.True(coverage.TryGetValue("Acme.Api", out var lineRate) && lineRate > 0, $"Acme.Api not covered: {string.Join(", ", coverage)}");
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task On_net8_an_internal_Program_builds_and_passes_with_no_edits()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        await repository.AddMinimalWebApiAsync("net8.0", cancellationToken);
        var project = await CreateAsync(repository, cancellationToken,
            "--framework", "net8.0", "--sut", SampleRepository.WebApiSutArgument, "--samples", "false", "--database", "none");

        // Top-level statements on .NET 8: Program is internal, and the fixture never names it.
        await project.BuildAsync(cancellationToken);

        var runtimes = await Dotnet.RunAsync(repository.Root, TimeSpan.FromMinutes(1), cancellationToken, "--list-runtimes");
        if (!runtimes.StandardOutput.Contains("Microsoft.AspNetCore.App 8.0.", StringComparison.Ordinal))
        {
            Assert.Skip($"Built warning-free with an internal Program; not run: no ASP.NET Core 8 runtime on this machine.\n{runtimes.StandardOutput}");
        }

        var test = await project.TestAsync(cancellationToken);
        Assert.True(test.ExitCode == 0, test.ToString());
        var expected = 1 + ExpectedTests("none", samples: false);
        Assert.Equal((expected, 0, expected), project.ReadTrxCounters());
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task Any_Program_builds_with_no_edits_and_no_first_test_claims_the_app_used_the_test_database()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        // Startup-style, Program in namespace WebAPI: the test project (Acme.Api.IntegrationTests) is in another.
        await repository.AddStartupStyleWebApiAsync(cancellationToken);
        var project = await CreateAsync(repository, cancellationToken, "--sut", SampleRepository.WebApiSutArgument, "--samples", "false");
        await project.BuildAsync(cancellationToken);
        var expected = 1 + ExpectedTests("sqlite", samples: false);

        var startupStyle = await project.TestAsync(cancellationToken);

        Assert.True(startupStyle.ExitCode == 0, startupStyle.ToString());
        Assert.Equal((expected, 0, expected), project.ReadTrxCounters());

        // A minimal API that hard-codes its database: the same test project builds and passes, and
        // what passes does not claim that the app used the test's database.
        await repository.AddMinimalApiIgnoringConnectionStringsAsync(cancellationToken);
        Directory.Delete(project.ResultsDirectory, recursive: true);
        await project.BuildAsync(cancellationToken);

        var minimal = await project.TestAsync(cancellationToken);

        Assert.True(minimal.ExitCode == 0, minimal.ToString());
        Assert.Equal((expected, 0, expected), project.ReadTrxCounters());
        var passed = project.ReadTrxResults().Where(result => result.Outcome == "Passed").Select(result => result.Name).ToList();
        Assert.Contains(passed, name => name.EndsWith(".The_app_starts_answers_a_request_and_is_configured_with_the_test_clock_and_connection_string", StringComparison.Ordinal));
        Assert.DoesNotContain(passed, name => Regex.IsMatch(name, "(on|uses?|used)_(the_)?test(_s)?_database", RegexOptions.IgnoreCase));
        var firstTest = await File.ReadAllTextAsync(Path.Combine(project.Directory, "ProjectUnderTestTests.cs"), cancellationToken);
        Assert.Contains("nothing here shows that", firstTest, StringComparison.Ordinal);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    public async Task A_setting_the_app_validates_at_start_is_named_with_the_fixture_s_place_for_it_and_given_there_it_passes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var repository = await SampleRepository.CreateAsync(selectsTestingPlatform: false, cancellationToken);
        await repository.AddMinimalApiValidatingSettingsAsync(cancellationToken);
        var project = await CreateAsync(repository, cancellationToken, "--sut", SampleRepository.WebApiSutArgument, "--samples", "false", "--database", "none");
        await project.BuildAsync(cancellationToken);
        var expected = 1 + ExpectedTests("none", samples: false);

        var missing = await project.TestAsync(cancellationToken);

        Assert.True(missing.ExitCode != 0, missing.ToString());
        // The key a user sets (the section the app binds, a colon, the member), not the member alone, and the place for it.
        Assert.Contains("The app requires the setting Payments:ApiKey, which the test did not give it (PaymentsOptions: DataAnnotation validation failed for 'PaymentsOptions' members: 'ApiKey'", missing.Output, StringComparison.Ordinal);
        Assert.Contains("Give it in the Settings of ApiFixture (ApiFixture.cs), keyed as in appsettings.json: [\"Payments:ApiKey\"] = \"value\",", missing.Output, StringComparison.Ordinal);

        // The setting, in the place the failure named.
        var fixture = Path.Combine(project.Directory, "ApiFixture.cs");
        var code = await File.ReadAllTextAsync(fixture, cancellationToken);
        const string Example = "// [\"Payments:ApiKey\"] = \"test-key\",";
        Assert.Contains(Example, code, StringComparison.Ordinal);
        await File.WriteAllTextAsync(fixture, code.Replace(Example, "[\"Payments:ApiKey\"] = \"test-key\",", StringComparison.Ordinal), cancellationToken);
        Directory.Delete(project.ResultsDirectory, recursive: true);

        var given = await project.TestAsync(cancellationToken);

        Assert.True(given.ExitCode == 0, given.ToString());
        Assert.Equal((expected, 0, expected), project.ReadTrxCounters());
    }

    /// <summary>Tests generated with these options: the samples, or the example class.</summary>
    public static int ExpectedTests(string database, bool samples) => (database, samples) switch
    {
        ("none", true) => 9,
        (_, true) => 11,
        ("none", false) => 1,
        (_, false) => 2,
    };

    private Task<GeneratedProject> CreateAsync(SampleRepository repository, CancellationToken cancellationToken, params string[] arguments) =>
        GeneratedProject.CreateFromAsync(
            "async-integration-tests", package, Path.Combine(repository.TestsDirectory, "Acme.Api.IntegrationTests"), cancellationToken,
            ["-n", "Acme.Api.IntegrationTests", .. arguments]);
}
