using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Acme.Api.IntegrationTests;

/// <summary>
/// The app under test, hosted in this process on an in-memory <see cref="TestServer"/>, on fake
/// time and fake logging, with a real database of its own: started once for all the tests of a
/// collection, and torn down after the last of them in the reverse order, every step within a bound.
/// </summary>
/// <remarks>
/// <para>
/// Register a derived fixture with <c>ICollectionFixture&lt;T&gt;</c> on a
/// <c>[CollectionDefinition]</c>. The tests of one collection run one after another, so each test
/// calls <see cref="ResetAsync"/> first (in its <c>InitializeAsync</c>) and then has the app to
/// itself: tests do not depend on each other or on their order. Other collections get fixtures
/// (and databases) of their own and still run in parallel. (An assembly fixture would be shared by
/// tests running in parallel, and a reset would pull the data from under them.)
/// </para>
/// <para>
/// The clock is shared by the collection and only moves forward: take
/// <c>Time.GetUtcNow()</c> at the start of a test and assert relative to it.
/// </para>
/// </remarks>
public abstract class AppFixture : IAsyncLifetime
{
    /// <summary>How long creating the database, starting the app or stopping it may take, in real time.</summary>
    public static TimeSpan StartStopLimit { get; } = TimeSpan.FromMilliseconds(TestTimeouts.Default);

    private TestServer? _server;
    private WebApplication? _app;
    private IServiceCollection? _appServices;
    private TestDatabase? _database;
    private bool _disposed;

    // The output of the test that reset the fixture last: the tests of a collection run one at a time.
    private volatile ITestOutputHelper? _output;

    protected AppFixture() =>
        Logs = FakeLogCollector.Create(new FakeLogCollectorOptions { OutputSink = line => TestLogging.WriteTo(_output, line) });

    /// <summary>
    /// The settings your app validates at start go here (<c>ValidateOnStart</c>, required options),
    /// keyed as in appsettings.json, e.g. <c>["Payments:ApiKey"] = "test-key"</c>: the app gets them
    /// over its own settings. Override it in your fixture; a start that fails on a missing setting
    /// names the setting and this place.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>The app's clock: it replaces the app's <see cref="TimeProvider"/>.</summary>
    public TimerAwareFakeTimeProvider Time { get; } = new();

    /// <summary>Everything the app logged since the last <see cref="ResetAsync"/> (also written to the output of the test that called it).</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>The app's database, for a test to arrange or check data behind the app's back.</summary>
    public TestDatabase Database => _database ?? throw NotStarted();

    /// <summary>The app's services, for a test to reach what the app does in the background.</summary>
    public IServiceProvider Services => Server.Services;

    private TestServer Server => _server ?? throw NotStarted();

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        try
        {
            // The database first: the app may read or migrate it while it starts.
            var database = TestDatabase.CreateAsync(cancellationToken);
            await WithinLimitAsync(database, "create the test database", cancellationToken);
            _database = await database;
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
    /// A client for the app whose requests carry a real-time limit (default
    /// <see cref="TestTimeouts.Guard"/>; <c>request.WithTimeout(…)</c> for one of its own).
    /// Pass the test's cancellation token to every call.
    /// </summary>
    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope",
        Justification = "The client owns the handler (disposeHandler: true): disposing the client disposes it.")]
    public HttpClient CreateClient() =>
        new(new RequestTimeoutHandler(TestTimeouts.Guard) { InnerHandler = Server.CreateHandler() }, disposeHandler: true)
        {
            BaseAddress = Server.BaseAddress,
            // The handler bounds each request; HttpClient's own 100 s limit would only cut it later.
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>
    /// Empties what a previous test left: the database's rows (its schema stays), the app's own
    /// state, the recorded logs. Call it at the start of every test:
    /// from then on, what the app logs goes to that test's output.
    /// </summary>
    public async ValueTask ResetAsync(CancellationToken cancellationToken)
    {
        // Taken here, in the test's own flow: the app serves requests and runs its background work
        // outside it, where TestContext.Current knows no test and the lines would be lost.
        _output = TestContext.Current.TestOutputHelper;
        await Database.ResetAsync(cancellationToken);
        await ResetAppStateAsync(cancellationToken);
        Logs.Clear();
    }

    /// <summary>
    /// Waits, within <see cref="TestTimeouts.Guard"/>, until the app logs a record that matches
    /// <paramref name="predicate"/> (or already has): how a test awaits work the app finishes on
    /// its own, after the response, without sleeping or polling.
    /// </summary>
    /// <param name="predicate">The record to wait for.</param>
    /// <param name="waitingFor">Completes the sentence "waited for …", for the failure message.</param>
    /// <param name="cancellationToken">The test's token.</param>
    public async Task<FakeLogRecord> WaitForLogAsync(Func<FakeLogRecord, bool> predicate, string waitingFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            return await FirstAsync(Logs.GetLogsAsync(stopReading.Token), predicate).WaitWithinGuardAsync(waitingFor, cancellationToken);
        }
        finally
        {
            await stopReading.CancelAsync();
        }

        static async Task<FakeLogRecord> FirstAsync(IAsyncEnumerable<FakeLogRecord> records, Func<FakeLogRecord, bool> predicate)
        {
            await foreach (var record in records)
            {
                if (predicate(record))
                {
                    return record;
                }
            }

            throw new InvalidOperationException("The log ended.");
        }
    }

    /// <summary>Stops the app, then removes its database, each within a bound; reports every failure.</summary>
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
        // Reverse order of start: the app lets go of its connections before the database goes.
        try
        {
            await WithinLimitAsync(StopAppAsync().AsTask(), "stop the app", CancellationToken.None);
        }
        catch (Exception ex)
        {
            failures.Add(ex);
        }

        try
        {
            // Also after a failed stop: the app's services and what they hold are released.
            if (_app is not null)
            {
                await WithinLimitAsync(_app.DisposeAsync().AsTask(), "dispose the app", CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            failures.Add(ex);
        }

        try
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
        catch (Exception ex)
        {
            failures.Add(ex);
        }

        GC.SuppressFinalize(this);
        if (failures.Count > 0)
        {
            throw new AggregateException($"{GetType().Name} teardown failed.", failures);
        }
    }

    /// <summary>
    /// Builds and starts the app, calling <see cref="AddTestServices"/> after the app's own
    /// registrations, and returns its in-memory server.
    /// </summary>
    protected abstract Task<TestServer> StartAppAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stops the app, and disposes what an override started. Called once, also after a failed or
    /// partial start. The default stops an app started by <see cref="StartWebApplicationAsync"/>,
    /// which <see cref="DisposeAsync"/> then disposes.
    /// </summary>
    protected virtual async ValueTask StopAppAsync()
    {
        if (_app is null)
        {
            return;
        }

        // Its own bound: teardown runs after the test's token may have been cancelled.
        using var bounded = new CancellationTokenSource(TestTimeouts.Guard);
        await _app.StopAsync(bounded.Token);
    }

    /// <summary>
    /// Builds an app in this process on ASP.NET Core's in-memory test server
    /// (<c>builder.WebHost.UseTestServer()</c>; <c>new TestServer(new WebHostBuilder())</c> is
    /// obsolete since .NET 10), with <see cref="AddTestServices"/>, and starts it.
    /// </summary>
    /// <param name="configure">Registers the app's services and settings, as its Program.cs does.</param>
    /// <param name="mapEndpoints">Maps the app's endpoints.</param>
    /// <param name="cancellationToken">Bounds the start.</param>
    protected async Task<TestServer> StartWebApplicationAsync(
        Action<WebApplicationBuilder> configure, Action<WebApplication> mapEndpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(mapEndpoints);
        // An empty builder: no appsettings files, environment variables or console logging from
        // the machine the tests run on. The test decides every setting.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseTestServer();
        builder.Services.AddRouting();
        builder.Configuration.AddInMemoryCollection(Settings);
        configure(builder);
        AddTestServices(builder.Services);

        _app = builder.Build();
        mapEndpoints(_app);
        await _app.StartAsync(cancellationToken);
        return _app.GetTestServer();
    }

    /// <summary>Clears state the app keeps outside the database. Nothing by default.</summary>
    protected virtual ValueTask ResetAppStateAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// What the app gets in a test instead of its production parts: the fake clock, logging into
    /// <see cref="Logs"/>, and a bounded shutdown. Registered last, so these replace the app's own.
    /// </summary>
    protected void AddTestServices(IServiceCollection services)
    {
        // Kept to name the key of a setting the app's start finds missing (the section it binds).
        _appServices = services;
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Time);
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TestTimeouts.Guard);
        services.AddLogging(logging => logging
            .ClearProviders()
            .AddProvider(new FakeLoggerProvider(Logs))
            // The framework's per-request chatter is not what a test is about; its warnings are.
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Microsoft.Hosting", LogLevel.Warning));
    }

    private static async Task WithinLimitAsync(Task step, string what, CancellationToken cancellationToken)
    {
        try
        {
            await step.WaitAsync(StartStopLimit, TimeProvider.System, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Could not {what} within {StartStopLimit.TotalSeconds:0.#} s (real time).", ex);
        }
    }

    private InvalidOperationException NotStarted() =>
        new($"{GetType().Name} has not started (or has been disposed): use it from a test of its collection.");
}
