
namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>
/// A throwaway repository in a temp folder: <c>src/Acme.Calculator</c> (a class library to test)
/// and <c>tests/</c>, optionally with a global.json that selects Microsoft.Testing.Platform.
/// </summary>
public sealed class SampleRepository : IDisposable
{
    public const string GlobalJsonSelectingMtp = """
        {
          "sdk": { "version": "10.0.100", "rollForward": "latestFeature" },
          "test": { "runner": "Microsoft.Testing.Platform" }
        }
        """;

    /// <summary>A test a user adds for the library, so coverage of the project under test can be checked.</summary>
    public const string CalculatorTest = """
        namespace Acme.Orders.Tests;

        public sealed class CalculatorTests
        {
            [Fact(Timeout = TestTimeouts.Default)]
            public async Task Adds_asynchronously()
            {
                var sum = await Acme.Calculator.Calculator.AddAsync(2, 3, TestContext.Current.CancellationToken);
                Assert.Equal(5, sum);
            }
        }
        """;

    private readonly TemporaryDirectory _root;

    private SampleRepository(TemporaryDirectory root) => _root = root;

    public string Root => _root.Path;

    public string TestsDirectory => _root.Combine("tests");

    /// <summary>The library's project file, as an absolute path.</summary>
    public string LibraryProject => _root.Combine("src", "Acme.Calculator", "Acme.Calculator.csproj");

    /// <summary>The library's path as a user passes it to --sut from tests/&lt;project&gt;/.</summary>
    public static string SutArgument => "../../src/Acme.Calculator/Acme.Calculator.csproj";

    public static async Task<SampleRepository> CreateAsync(bool selectsTestingPlatform, CancellationToken cancellationToken)
    {
        var repository = new SampleRepository(new TemporaryDirectory("repo"));
        var library = repository._root.Combine("src", "Acme.Calculator");
        Directory.CreateDirectory(library);
        Directory.CreateDirectory(repository.TestsDirectory);
        await File.WriteAllTextAsync(Path.Combine(library, "Acme.Calculator.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(library, "Calculator.cs"), """
            namespace Acme.Calculator;

            public static class Calculator
            {
                public static async Task<int> AddAsync(int a, int b, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                    return a + b;
                }
            }
            """, cancellationToken);
        if (selectsTestingPlatform)
        {
            await File.WriteAllTextAsync(repository._root.Combine("global.json"), GlobalJsonSelectingMtp, cancellationToken);
        }

        return repository;
    }

    /// <summary>The worker's path as a user passes it to --sut from tests/&lt;project&gt;/.</summary>
    public static string WorkerSutArgument => "../../src/Acme.Worker/Acme.Worker.csproj";

    /// <summary>Adds the SDK's own <c>dotnet new worker</c> project at src/Acme.Worker.</summary>
    public async Task AddWorkerAsync(CancellationToken cancellationToken)
    {
        var result = await Dotnet.RunAsync(_root.Path, TimeSpan.FromMinutes(2), cancellationToken,
            "new", "worker", "-n", "Acme.Worker", "-o", Path.Combine("src", "Acme.Worker"), "--no-restore", "--no-update-check");
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary>The web API's path as a user passes it to --sut from tests/&lt;project&gt;/.</summary>
    public static string WebApiSutArgument => "../../src/Acme.Api/Acme.Api.csproj";

    /// <summary>Adds the SDK's own <c>dotnet new webapi</c> project at src/Acme.Api.</summary>
    public async Task AddWebApiAsync(CancellationToken cancellationToken)
    {
        var result = await Dotnet.RunAsync(_root.Path, TimeSpan.FromMinutes(2), cancellationToken,
            "new", "webapi", "-n", "Acme.Api", "-o", Path.Combine("src", "Acme.Api"), "--no-restore", "--no-update-check");
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary>
    /// Adds a minimal web project at src/Acme.Api for an older framework (the SDK's webapi template
    /// targets only the newest), as top-level statements: its Program class is internal.
    /// </summary>
    public async Task AddMinimalWebApiAsync(string framework, CancellationToken cancellationToken)
    {
        var project = await WriteWebProjectAsync(framework, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/", () => "Hello");
            app.Run();

            """, cancellationToken);
    }

    /// <summary>
    /// Writes src/Acme.Api as a Startup-style web API whose <c>Program</c> lives in
    /// <c>namespace WebAPI</c> and is internal: neither the namespace nor the class is the test project's to know.
    /// </summary>
    public async Task AddStartupStyleWebApiAsync(CancellationToken cancellationToken)
    {
        var project = await WriteWebProjectAsync("net10.0", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), """
            namespace WebAPI;

            internal static class Program
            {
                public static void Main(string[] args) => CreateHostBuilder(args).Build().Run();

                public static IHostBuilder CreateHostBuilder(string[] args) =>
                    Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>());
            }

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddRouting();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "Hello"));
                }
            }

            """, cancellationToken);
    }

    /// <summary>
    /// Writes src/Acme.Api as a minimal API (global, top-level <c>Program</c>) that ignores
    /// <c>ConnectionStrings</c>: its database is a file name it hard-codes.
    /// </summary>
    public async Task AddMinimalApiIgnoringConnectionStringsAsync(CancellationToken cancellationToken)
    {
        var project = await WriteWebProjectAsync("net10.0", cancellationToken);
        File.Delete(Path.Combine(project, "Startup.cs"));
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), """
            // The app's own database, whatever the configuration says.
            const string OrdersDatabase = "Data Source=acme-orders.db";

            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/", () => $"Orders live in {OrdersDatabase}");
            app.Run();

            """, cancellationToken);
    }

    /// <summary>
    /// Writes src/Acme.Api as a minimal API that validates a required setting at start
    /// (<c>ValidateDataAnnotations().ValidateOnStart()</c>): <c>Payments:ApiKey</c>, which no settings file gives.
    /// </summary>
    public async Task AddMinimalApiValidatingSettingsAsync(CancellationToken cancellationToken)
    {
        var project = await WriteWebProjectAsync("net10.0", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), """
            using System.ComponentModel.DataAnnotations;
            using Microsoft.Extensions.Options;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOptions<PaymentsOptions>()
                .Bind(builder.Configuration.GetSection("Payments"))
                .ValidateDataAnnotations()
                .ValidateOnStart();
            var app = builder.Build();
            app.MapGet("/", (IOptions<PaymentsOptions> payments) => $"Payments configured: {payments.Value.ApiKey is not null}");
            app.Run();

            internal sealed class PaymentsOptions
            {
                [Required]
                public string? ApiKey { get; set; }
            }

            """, cancellationToken);
    }

    private async Task<string> WriteWebProjectAsync(string framework, CancellationToken cancellationToken)
    {
        var project = _root.Combine("src", "Acme.Api");
        Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(Path.Combine(project, "Acme.Api.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>{framework}</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """, cancellationToken);
        return project;
    }

    public void Dispose() => _root.Dispose();
}
