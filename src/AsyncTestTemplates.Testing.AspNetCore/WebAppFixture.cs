using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// A web app under test, hosted in the test process on ASP.NET Core's in-memory <see cref="TestServer"/>,
/// on fake time and test logging: started once for the tests of a collection, and stopped after the
/// last of them, every step within a bound. Derive a fixture of your own from it.
/// </summary>
/// <remarks>
/// <para>
/// Register the derived fixture with <c>ICollectionFixture&lt;T&gt;</c> on a <c>[CollectionDefinition]</c>.
/// The tests of one collection run one after another, so each test calls <see cref="ResetAsync"/>
/// first (in its <c>InitializeAsync</c>) and then has the app to itself; other collections get
/// fixtures of their own and still run in parallel. (An assembly fixture would be shared by tests
/// running in parallel, and a reset would pull the data from under them.)
/// </para>
/// <para>
/// Start order: <see cref="StartDependenciesAsync"/> (a database, say), then <see cref="StartAppAsync"/>;
/// teardown goes the reverse way, and every failure of it is reported. The clock is shared by the
/// collection and only moves forward: take <c>Time.GetUtcNow()</c> at the start of a test and assert
/// relative to it.
/// </para>
/// </remarks>
public abstract class WebAppFixture : IAsyncLifetime
{
    private TestServer? _server;
    private WebApplication? _app;
    private IAsyncDisposable? _factory;
    private IServiceCollection? _appServices;
    private bool _disposed;

    // The output of the test that reset the fixture last: the tests of a collection run one at a time.
    private volatile ITestOutputHelper? _output;

    /// <summary>Creates the fixture's clock and log; nothing starts before <see cref="InitializeAsync"/>.</summary>
    protected WebAppFixture() =>
        Logs = FakeLogCollector.Create(new FakeLogCollectorOptions { OutputSink = line => TestLogging.WriteTo(_output, line) });

    /// <summary>
    /// The settings the app validates at start (<c>ValidateOnStart</c>, required options), keyed as in
    /// appsettings.json, e.g. <c>["Payments:ApiKey"] = "test-key"</c>: the app gets them over its own
    /// settings. A start that fails on a missing setting names the setting and this place.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>
    /// How long starting the dependencies, starting the app or stopping it may each take, in real
    /// time. <see cref="RealTimeGuard.Limit"/> unless overridden (a generated fixture gives it the
    /// project's per-test timeout).
    /// </summary>
    protected virtual TimeSpan StartStopLimit => RealTimeGuard.Limit;

    /// <summary>The app's clock: it replaces the app's <see cref="TimeProvider"/>.</summary>
    public TimerAwareFakeTimeProvider Time { get; } = new();

    /// <summary>Everything the app logged since the last <see cref="ResetAsync"/> (also written to the output of the test that called it).</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>The app's services, for a test to reach what the app does in the background.</summary>
    public IServiceProvider Services => Server.Services;

    private TestServer Server => _server ?? throw NotStarted();

    /// <summary>Starts the dependencies, then the app, each within <see cref="StartStopLimit"/>; on a failure, tears down what started.</summary>
    /// <exception cref="InvalidOperationException">The app refused a setting it validates at start; the message names the key and <see cref="Settings"/>.</exception>
    /// <exception cref="TimeoutException">A step did not finish within <see cref="StartStopLimit"/>.</exception>
    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        try
        {
            // The dependencies first: the app may read or migrate a database while it starts.
            await WithinLimitAsync(StartDependenciesAsync(cancellationToken).AsTask(), "start what the app depends on", cancellationToken);
            var start = StartAppAsync(cancellationToken);
            await WithinLimitAsync(start, "start the app", cancellationToken);
            _server = await start;
        }
        catch (Exception startFailure)
        {
            // Whatever was started before the failure is not left behind, and a failing teardown
            // does not hide why the start failed.
            try
            {
                await DisposeAsync();
            }
            catch (Exception teardownFailure)
            {
                throw new AggregateException($"{GetType().Name} failed to start, then to tear down what it had started.", startFailure, teardownFailure);
            }

            // A setting the app validates at start: its key (Section:Member), and where a test gives it.
            if (_appServices is not null
                && MissingSettingsMessage.Describe(startFailure, _appServices, $"the {nameof(Settings)} of {GetType().Name} ({GetType().Name}.cs)") is { } missing)
            {
                throw new InvalidOperationException(missing, startFailure);
            }

            throw;
        }
    }

    /// <summary>
    /// A client for the app whose requests carry a real-time limit (<see cref="RealTimeGuard.Limit"/>;
    /// <c>request.WithTimeout(…)</c> for one of its own). Pass the test's cancellation token to every call.
    /// </summary>
    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope",
        Justification = "The client owns the handler (disposeHandler: true): disposing the client disposes it.")]
    public HttpClient CreateClient() =>
        new(new RequestTimeoutHandler(RealTimeGuard.Limit) { InnerHandler = Server.CreateHandler() }, disposeHandler: true)
        {
            BaseAddress = Server.BaseAddress,
            // The handler bounds each request; HttpClient's own 100 s limit would only cut it later.
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>
    /// Empties what a previous test left: the dependencies' data (<see cref="ResetDependenciesAsync"/>),
    /// the app's own state (<see cref="ResetAppStateAsync"/>), the recorded logs. Call it at the start
    /// of every test: from then on, what the app logs goes to that test's output.
    /// </summary>
    public async ValueTask ResetAsync(CancellationToken cancellationToken)
    {
        // Taken here, in the test's own flow: the app serves requests and runs its background work
        // outside it, where TestContext.Current knows no test and the lines would be lost.
        _output = TestContext.Current.TestOutputHelper;
        await ResetDependenciesAsync(cancellationToken);
        await ResetAppStateAsync(cancellationToken);
        Logs.Clear();
    }

    /// <summary>
    /// Waits, within <see cref="RealTimeGuard.Limit"/>, until the app logs a record that matches
    /// <paramref name="predicate"/> (or already has since the last <see cref="ResetAsync"/>): how a test
    /// awaits work the app finishes on its own, after the response, without sleeping or polling.
    /// </summary>
    /// <param name="predicate">The record to wait for.</param>
    /// <param name="waitingFor">Completes the sentence "waited for …", for the failure message.</param>
    /// <param name="cancellationToken">The test's token.</param>
    /// <exception cref="TimeoutException">No such record within the guard; the message says what was awaited and where the limit is set.</exception>
    public async Task<FakeLogRecord> WaitForLogAsync(Func<FakeLogRecord, bool> predicate, string waitingFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            return await FirstAsync(Logs.GetLogsAsync(stopReading.Token), predicate).WaitWithinGuardAsync(waitingFor, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stopReading.CancelAsync().ConfigureAwait(false);
        }

        static async Task<FakeLogRecord> FirstAsync(IAsyncEnumerable<FakeLogRecord> records, Func<FakeLogRecord, bool> predicate)
        {
            await foreach (var record in records.ConfigureAwait(false))
            {
                if (predicate(record))
                {
                    return record;
                }
            }

            throw new InvalidOperationException("The log ended.");
        }
    }

    /// <summary>Stops the app, then its dependencies, each within a bound; reports every failure.</summary>
    /// <exception cref="AggregateException">A step of the teardown failed; each failure is inside.</exception>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types",
        Justification = "Teardown must go on whatever a step failed with; every failure is rethrown at the end.")]
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        List<Exception> failures = [];
        // Reverse order of start: the app lets go of its connections before a database goes.
        await RunAsync(() => WithinLimitAsync(StopAppAsync().AsTask(), "stop the app", CancellationToken.None));
        // Also after a failed stop: the app's services and what they hold are released.
        await RunAsync(() => _app is null ? Task.CompletedTask : WithinLimitAsync(_app.DisposeAsync().AsTask(), "dispose the app", CancellationToken.None));
        await RunAsync(() => WithinLimitAsync(StopDependenciesAsync().AsTask(), "stop what the app depends on", CancellationToken.None));

        GC.SuppressFinalize(this);
        if (failures.Count > 0)
        {
            throw new AggregateException($"{GetType().Name} teardown failed.", failures);
        }

        async Task RunAsync(Func<Task> step)
        {
            try
            {
                await step().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                failures.Add(ex);
            }
        }
    }

    /// <summary>Starts what the app needs before it starts (a database, say). Nothing by default.</summary>
    protected virtual ValueTask StartDependenciesAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Empties the dependencies' data between tests (a database's rows). Nothing by default.</summary>
    protected virtual ValueTask ResetDependenciesAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Stops and removes what <see cref="StartDependenciesAsync"/> started, after the app stopped; also after a failed or partial start. Nothing by default.</summary>
    protected virtual ValueTask StopDependenciesAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Builds and starts the app, with <see cref="AddTestServices"/> after the app's own
    /// registrations, and returns its in-memory server: <see cref="StartWebApplicationAsync"/> for an
    /// app set up here, <see cref="StartEntryPointAsync"/> for a project's own <c>Program</c>.
    /// </summary>
    protected abstract Task<TestServer> StartAppAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stops the app, and disposes what an override started. Called once, also after a failed or
    /// partial start. The default stops and disposes an app started by <see cref="StartWebApplicationAsync"/>
    /// or <see cref="StartEntryPointAsync"/>.
    /// </summary>
    protected virtual async ValueTask StopAppAsync()
    {
        if (_factory is not null)
        {
            // Stops the host (within the shutdown timeout AddTestServices sets), then disposes it.
            await _factory.DisposeAsync().ConfigureAwait(false);
        }

        if (_app is not null)
        {
            // Its own bound: teardown runs after the test's token may have been cancelled.
            using var bounded = new CancellationTokenSource(RealTimeGuard.Limit);
            await _app.StopAsync(bounded.Token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Builds an app in this process on ASP.NET Core's in-memory test server
    /// (<c>builder.WebHost.UseTestServer()</c>; <c>new TestServer(new WebHostBuilder())</c> is
    /// obsolete since .NET 10), with <see cref="Settings"/> and <see cref="AddTestServices"/>, and starts it.
    /// The builder is empty: no appsettings files, environment variables or console logging from the
    /// machine the tests run on; the test decides every setting.
    /// </summary>
    /// <param name="configure">Registers the app's services and settings, as its Program.cs does.</param>
    /// <param name="mapEndpoints">Maps the app's endpoints.</param>
    /// <param name="cancellationToken">Bounds the start.</param>
    protected async Task<TestServer> StartWebApplicationAsync(
        Action<WebApplicationBuilder> configure, Action<WebApplication> mapEndpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(mapEndpoints);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseTestServer();
        builder.Services.AddRouting();
        builder.Configuration.AddInMemoryCollection(Settings);
        configure(builder);
        AddTestServices(builder.Services);

        _app = builder.Build();
        mapEndpoints(_app);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        return _app.GetTestServer();
    }

    /// <summary>
    /// Starts the web project <paramref name="projectUnderTest"/> from its own entry point, as
    /// <c>WebApplicationFactory</c> does (its real configuration and services, in the Development
    /// environment), with <see cref="Settings"/> over its own and <see cref="AddTestServices"/> after
    /// its registrations. The entry point's class is found here, not named by the test: a
    /// <c>Program</c> in any namespace or none, public or internal (top-level statements),
    /// Startup-style or minimal API.
    /// </summary>
    /// <param name="projectUnderTest">The web app's assembly, e.g. <c>Assembly.Load(new AssemblyName("Acme.Api"))</c>.</param>
    /// <param name="configure">More settings for the app (<c>builder.UseSetting(…)</c>), applied after <see cref="Settings"/>; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Bounds the start.</param>
    /// <exception cref="InvalidOperationException">The assembly has no entry point.</exception>
    protected Task<TestServer> StartEntryPointAsync(Assembly projectUnderTest, Action<IWebHostBuilder>? configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projectUnderTest);
        var entryPoint = projectUnderTest.EntryPoint?.DeclaringType
            ?? throw new InvalidOperationException($"{projectUnderTest.GetName().Name} has no entry point: it is not the web app's project.");
        void Configure(IWebHostBuilder builder)
        {
            foreach (var (key, value) in Settings)
            {
                builder.UseSetting(key, value);
            }

            configure?.Invoke(builder);
            // After the app's own registrations: these replace its clock and logging.
            builder.ConfigureTestServices(AddTestServices);
        }

        // WebApplicationFactory<T> only needs T to find the app's assembly and entry point, so the
        // type may be internal: made here by reflection, it is never named in the test's code.
        var factory = (IEntryPointFactory)Activator.CreateInstance(typeof(EntryPointFactory<>).MakeGenericType(entryPoint), (Action<IWebHostBuilder>)Configure)!;
        _factory = factory;
        // WebApplicationFactory starts the app synchronously, on first use of Server: start it on the
        // thread pool, so that the fixture can bound the wait (a start that hangs, on a database it
        // cannot reach say, fails the collection instead of hanging the run).
        return Task.Run(() => factory.Server, cancellationToken);
    }

    /// <summary>Clears state the app keeps outside its dependencies (an in-memory store). Nothing by default.</summary>
    protected virtual ValueTask ResetAppStateAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// What the app gets in a test instead of its production parts: the fake clock, logging into
    /// <see cref="Logs"/> (the framework's own below warnings left out), and a bounded shutdown.
    /// Register it last, so these replace the app's own; the start methods here do.
    /// </summary>
    protected void AddTestServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Kept to name the key of a setting the app's start finds missing (the section it binds).
        _appServices = services;
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Time);
        services.Configure<HostOptions>(options => options.ShutdownTimeout = RealTimeGuard.Limit);
        services.AddLogging(logging => logging
            .ClearProviders()
            .AddProvider(new FakeLoggerProvider(Logs))
            // The framework's per-request chatter is not what a test is about; its warnings are.
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Microsoft.Hosting", LogLevel.Warning));
    }

    private async Task WithinLimitAsync(Task step, string what, CancellationToken cancellationToken)
    {
        var limit = StartStopLimit;
        try
        {
            await step.WaitAsync(limit, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(
                $"{GetType().Name} could not {what} within {limit.TotalSeconds:0.#} s (real time). The limit is its {nameof(StartStopLimit)}.", ex);
        }
    }

    private InvalidOperationException NotStarted() =>
        new($"{GetType().Name} has not started (or has been disposed): use it from a test of its collection.");
}
