using System.Net;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncTestTemplates.Testing.Tests.Library;

/// <summary>
/// ProjectHost against a worker with an internal Program and internal services
/// (tests/Subjects/ProjectHostSubject), one shape per --shape argument.
/// </summary>
/// <remarks>
/// They run in parallel with each other and with everything else (the project's parallelMode is
/// "all"): ProjectHost boots apps side by side, so no test's time goes to waiting for another's host
/// (issue #26: a process-wide lock once made these tests' outcome depend on their order).
/// </remarks>
public sealed class ProjectHostTests
{
    private static readonly Assembly Subject = Assembly.Load(new AssemblyName("ProjectHostSubject"));
    private static readonly string[] AllServiceClasses = ["CatalogSync", "GreetingWorker", "PriceWorker", "ShareMonitor", "SilentWorker", "StockSync", "TickingWorker"];

    [Fact(Timeout = 30_000)]
    public async Task The_entry_point_s_own_host_runs_on_the_test_s_clock_and_logging_and_each_service_is_seen_at_work()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = await ProjectHost.StartAsync(Subject, null, cancellationToken);

        var activity = await app.WaitForHostedServicesToBeginAsync(cancellationToken);

        Assert.Null(app.EntryPointNotUsedReason);
        Assert.Equal(["ProjectHostSubject.GreetingWorker", "ProjectHostSubject.TickingWorker"], activity.Select(a => a.ServiceType.FullName).Order());
        // Its dependency came from Program.cs, and its log reached the test although the app replaced the logger factory.
        Assert.Equal("logged \"Greeting: Hello from the worker\" under ProjectHostSubject.GreetingWorker", activity.Single(a => a.ServiceType.Name == "GreetingWorker").FirstActivity);
        Assert.StartsWith("armed a timer on the injected TimeProvider", activity.Single(a => a.ServiceType.Name == "TickingWorker").FirstActivity, StringComparison.Ordinal);
        Assert.Same(app.Time, app.Services.GetRequiredService<TimeProvider>());
        Assert.Equal(Environments.Development, app.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        var start = app.Time.GetUtcNow();

        await app.RunObservationWindowAsync(cancellationToken);

        // Ten minutes on the app's clock, and the worker's PeriodicTimer was seen to take each of its
        // ten one-minute ticks before the next fell due (none merged, the last not lost to the stop).
        Assert.Equal(start + TimeSpan.FromMinutes(10), app.Time.GetUtcNow());
        var ticking = app.Services.GetServices<IHostedService>().Single(service => service.GetType().Name == "TickingWorker");
        Assert.Equal(10, (int)ticking.GetType().GetProperty("Ticks")!.GetValue(ticking)!);
        await app.StopAsync();
    }

    // Issue #26: the window once moved the clock in ten one-minute steps with a real 100 ms pause
    // after each, so a timer armed after a step fired a step late (a 50-second loop got ten turns of
    // its twelve), and what a service did near the window's end was seen or not by how fast the
    // machine was. Now the clock goes timer by timer, each service back on it before the next.
    [Fact(Timeout = 30_000)]
    public async Task What_a_service_does_on_the_clock_is_seen_however_late_in_the_window_it_happens()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = await ProjectHost.StartAsync(Subject, options => options.Arguments.Add("--shape=share-monitor"), cancellationToken);

        // Seen through its first log line, logged before it arms its first timer.
        Assert.Equal("logged \"Watching the export share\" under ProjectHostSubject.ShareMonitor", Assert.Single(await app.WaitForHostedServicesToBeginAsync(cancellationToken)).FirstActivity);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.RunObservationWindowAsync(cancellationToken));
        Assert.Contains("ProjectHostSubject.ShareMonitor logged an error: The export share is full", failure.Message, StringComparison.Ordinal);
        Assert.Contains("- ProjectHostSubject.ShareMonitor: logged \"Watching the export share\"", failure.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("default-builder")]
    [InlineData("catch-all")]
    public async Task Default_builder_apps_and_a_catch_all_around_the_run_are_taken_over_too(string shape)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = await ProjectHost.StartAsync(Subject, options => options.Arguments.Add($"--shape={shape}"), cancellationToken);

        var activity = Assert.Single(await app.WaitForHostedServicesToBeginAsync(cancellationToken));

        Assert.Null(app.EntryPointNotUsedReason);
        Assert.Contains("Greeting: Hello from the worker", activity.FirstActivity, StringComparison.Ordinal);
        Assert.Same(app.Time, app.Services.GetRequiredService<TimeProvider>());
        await app.RunObservationWindowAsync(cancellationToken);
        await app.StopAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task Outbound_http_is_refused_naming_the_service_the_call_and_the_hook_until_the_test_replaces_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using (var refused = await ProjectHost.StartAsync(Subject, options => options.Arguments.Add("--shape=http"), cancellationToken))
        {
            var activity = Assert.Single(await refused.WaitForHostedServicesToBeginAsync(cancellationToken));
            Assert.True(activity.WasObserved);

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => refused.RunObservationWindowAsync(cancellationToken));

            // The window ends at the first failure it sees: the refused call, recorded before the
            // worker's exception has unwound to its ExecuteAsync (so "crashed" may or may not be in it yet).
            Assert.Contains("GET http://prices.invalid/prices/42", failure.Message, StringComparison.Ordinal);
            Assert.Contains("called by ProjectHostSubject.PriceWorker", failure.Message, StringComparison.Ordinal);
            Assert.Contains("ConfigureTestServices", failure.Message, StringComparison.Ordinal);
            // The stop waits for the worker, so by then its crash is certain.
            var stop = await Assert.ThrowsAsync<InvalidOperationException>(refused.StopAsync);
            Assert.Contains("ProjectHostSubject.PriceWorker crashed", stop.Message, StringComparison.Ordinal);
        }

        await using var replaced = await ProjectHost.StartAsync(
            Subject,
            options =>
            {
                options.Arguments.Add("--shape=http");
                options.ConfigureTestServices = services => services.AddHttpClient("PriceClient").ConfigurePrimaryHttpMessageHandler(() => new PriceHandler());
            },
            cancellationToken);
        // Seen through its HTTP call, made from its code, once it was answered.
        Assert.Equal("made an HTTP call (GET http://prices.invalid/prices/42, answered 200)", Assert.Single(await replaced.WaitForHostedServicesToBeginAsync(cancellationToken)).FirstActivity);
        await replaced.RunObservationWindowAsync(cancellationToken);
        await replaced.StopAsync();
    }

    // The wait for a first activity lasts the guard, half of this timeout (10 s): the other half is
    // for starting and stopping the host, which a busy machine can stretch to seconds.
    [Fact(Timeout = 20_000)]
    public async Task A_service_that_does_nothing_observable_is_reported_as_unobserved()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = await ProjectHost.StartAsync(Subject, options => options.Arguments.Add("--shape=silent"), cancellationToken);

        var activity = Assert.Single(await app.WaitForHostedServicesToBeginAsync(cancellationToken));

        Assert.Equal("SilentWorker", activity.ServiceType.Name);
        Assert.False(activity.WasObserved);
        await app.StopAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_a_host_from_the_entry_point_each_hosted_service_class_starts_on_its_own_and_a_missing_dependency_is_named()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ProjectHost.StartAsync(Subject, options => options.Arguments.Add("--shape=no-host"), cancellationToken));
        Assert.Contains("could not be created", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Unable to resolve service for type 'ProjectHostSubject.PriceClient' while attempting to activate 'ProjectHostSubject.PriceWorker'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("ConfigureTestServices", missing.Message, StringComparison.Ordinal);

        await using var app = await ProjectHost.StartAsync(Subject, options => StartServicesOnTheirOwn(options, "no-host"), cancellationToken);

        Assert.Contains("returned without building a host", app.EntryPointNotUsedReason, StringComparison.Ordinal);
        Assert.Equal(AllServiceClasses, app.HostedServiceTypes.Select(type => type.Name).Order());
        await app.StopAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task An_error_log_fails_the_observation_window_naming_its_category()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = await ProjectHost.StartAsync(Subject, null, cancellationToken);

        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ProjectHostSubject.Queue").LogError("the broker is gone");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.RunObservationWindowAsync(cancellationToken));
        Assert.Contains("ProjectHostSubject.Queue logged an error: the broker is gone", failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_entry_point_that_waits_before_building_a_host_is_given_up_after_the_guard()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = await ProjectHost.StartAsync(Subject, options => StartServicesOnTheirOwn(options, "waits"), cancellationToken);

        Assert.Contains("built no host within", app.EntryPointNotUsedReason, StringComparison.Ordinal);
        Assert.Contains("AsyncTestRealTimeGuardSeconds", app.EntryPointNotUsedReason, StringComparison.Ordinal);
        Assert.Equal(AllServiceClasses, app.HostedServiceTypes.Select(type => type.Name).Order());
        await app.StopAsync();
    }

    // Known at once, without waiting for the guard: the entry point reads an empty console input,
    // or throws (Console.ReadKey does where the input is redirected).
    [Theory(Timeout = 30_000)]
    [InlineData("menu", "it read console input, which a test does not give (an interactive console), and its entry point threw InvalidOperationException before it built a host: The console input has ended")]
    [InlineData("throws", "its entry point threw InvalidOperationException before it built a host: Cannot read keys")]
    public async Task An_interactive_or_throwing_entry_point_falls_back_to_the_hosted_service_classes_saying_why(string shape, string reason)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = await ProjectHost.StartAsync(Subject, options => StartServicesOnTheirOwn(options, shape), cancellationToken);

        Assert.StartsWith(reason, app.EntryPointNotUsedReason, StringComparison.Ordinal);
        Assert.Equal(AllServiceClasses, app.HostedServiceTypes.Select(type => type.Name).Order());
        await app.StopAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task Services_behind_typed_clients_are_each_named_with_what_was_seen_the_refused_call_and_the_missing_setting()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = await ProjectHost.StartAsync(Subject, options => options.Arguments.Add("--shape=typed-clients"), cancellationToken);

        // Both are seen: neither logs, one's first act is a call refused behind a token handler and a
        // resilience pipeline (its own code long gone from the stack), the other fails on a setting.
        var activity = await app.WaitForHostedServicesToBeginAsync(cancellationToken);
        Assert.Equal("made an HTTP call (POST http://auth.invalid/token, refused)", activity.Single(a => a.ServiceType.Name == "StockSync").FirstActivity);
        Assert.StartsWith("ended its ExecuteAsync with OptionsValidationException", activity.Single(a => a.ServiceType.Name == "CatalogSync").FirstActivity, StringComparison.Ordinal);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.RunObservationWindowAsync(cancellationToken));
        Assert.Contains("POST http://auth.invalid/token through HttpClient 'auth', called by ProjectHostSubject.StockSync.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ProjectHostSubject.CatalogSync crashed: OptionsValidationException", failure.Message, StringComparison.Ordinal);
        Assert.Contains("The app requires the setting Catalog:ApiKey, which the test did not give it.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Give it in ProjectHostOptions.Settings", failure.Message, StringComparison.Ordinal);
        Assert.Contains("- ProjectHostSubject.StockSync: made an HTTP call (POST http://auth.invalid/token, refused)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("- ProjectHostSubject.CatalogSync: crashed: OptionsValidationException", failure.Message, StringComparison.Ordinal);
        // Said once: the host's own error lines about these crashes are not repeated.
        Assert.DoesNotContain("BackgroundService failed", failure.Message, StringComparison.Ordinal);
        // As the generated first test ends on this failure: its `await using` disposes the host,
        // and the report stays whole (with the crash the refused call caused, if it came after).
        var disposal = await Record.ExceptionAsync(() => app.DisposeAsync().AsTask());
        if (disposal is not null)
        {
            Assert.StartsWith(failure.Message, disposal.Message, StringComparison.Ordinal);
            Assert.Contains("When the host stopped:" + Environment.NewLine + "- ProjectHostSubject.StockSync crashed: InvalidOperationException: Outbound HTTP refused", disposal.Message, StringComparison.Ordinal);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_setting_validated_at_start_is_named_with_its_key_and_ProjectHostOptions_Settings_supplies_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ProjectHost.StartAsync(Subject, options => options.Arguments.Add("--shape=validate-on-start"), cancellationToken));
        Assert.Contains("failed to start: OptionsValidationException", missing.Message, StringComparison.Ordinal);
        Assert.Contains("The app requires the setting Catalog:ApiKey, which the test did not give it (CatalogOptions: DataAnnotation validation failed", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Give it in ProjectHostOptions.Settings (in the generated first test, ProjectUnderTestTests.cs", missing.Message, StringComparison.Ordinal);
        Assert.Contains("- ProjectHostSubject.CatalogSync: nothing seen", missing.Message, StringComparison.Ordinal);

        await using var app = await ProjectHost.StartAsync(
            Subject,
            options =>
            {
                options.Arguments.Add("--shape=validate-on-start");
                options.Settings["Catalog:ApiKey"] = "test-key";
            },
            cancellationToken);
        // Its first act, the call it makes with the setting given.
        Assert.Equal("made an HTTP call (GET http://catalog.invalid/items?key=test-key, answered 200)", Assert.Single(await app.WaitForHostedServicesToBeginAsync(cancellationToken)).FirstActivity);
        await app.RunObservationWindowAsync(cancellationToken);
        await app.StopAsync();
    }

    // Issue #26: a second host once waited for the first to be disposed (a process-wide lock), so a
    // test's timeout ran out in the queue. Both are started while neither is disposed, and an
    // interactive entry point among them is still given its own empty console input.
    [Fact(Timeout = 30_000)]
    public async Task Two_project_hosts_start_side_by_side_each_entry_point_with_its_own_console_input()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var first = ProjectHost.StartAsync(Subject, null, cancellationToken);
        var second = ProjectHost.StartAsync(Subject, options => StartServicesOnTheirOwn(options, "menu"), cancellationToken);
        await using var one = await first;
        await using var other = await second;

        Assert.Null(one.EntryPointNotUsedReason);
        Assert.StartsWith("it read console input", other.EntryPointNotUsedReason, StringComparison.Ordinal);
        Assert.NotSame(one.Time, other.Time);
        await one.StopAsync();
        await other.StopAsync();
    }

    // What the subject's Program.cs would register, for its hosted service classes started on their own.
    private static void StartServicesOnTheirOwn(ProjectHostOptions options, string shape)
    {
        var greeting = Subject.GetType("ProjectHostSubject.Greeting", throwOnError: true)!;
        var priceClient = Subject.GetType("ProjectHostSubject.PriceClient", throwOnError: true)!;
        var stockClient = Subject.GetType("ProjectHostSubject.StockClient", throwOnError: true)!;
        var catalogClient = Subject.GetType("ProjectHostSubject.CatalogClient", throwOnError: true)!;
        var catalogOptions = typeof(IOptions<>).MakeGenericType(Subject.GetType("ProjectHostSubject.CatalogOptions", throwOnError: true)!);
        options.Arguments.Add($"--shape={shape}");
        options.ConfigureTestServices = services =>
        {
            services.AddSingleton(greeting);
            services.AddHttpClient("PriceClient", client => client.BaseAddress = new Uri("http://prices.test/"))
                .ConfigurePrimaryHttpMessageHandler(() => new PriceHandler());
            services.AddTransient(priceClient, provider =>
                Activator.CreateInstance(priceClient, provider.GetRequiredService<IHttpClientFactory>().CreateClient("PriceClient"))!);
            services.AddTransient(stockClient, provider =>
                Activator.CreateInstance(stockClient, provider.GetRequiredService<IHttpClientFactory>().CreateClient("PriceClient"))!);
            services.AddTransient(catalogClient, provider =>
                Activator.CreateInstance(catalogClient, provider.GetRequiredService<IHttpClientFactory>().CreateClient("PriceClient"), provider.GetRequiredService(catalogOptions))!);
        };
    }

    private sealed class PriceHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("42") });
    }
}
