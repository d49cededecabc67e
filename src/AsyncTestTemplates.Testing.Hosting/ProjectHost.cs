using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// Starts the project under test from its own entry point, as <c>WebApplicationFactory</c> starts a
/// web app: its own registrations and configuration, with the test's clock
/// (<see cref="TimerAwareFakeTimeProvider"/>), logging (<see cref="FakeLogger"/> and the test's
/// output), outbound HTTP refused, and the test's replacements
/// (<see cref="ProjectHostOptions.ConfigureTestServices"/>) put in place before the host is built.
/// </summary>
/// <remarks>
/// <para>
/// The entry point runs on a thread of its own until it builds its host (a
/// <c>Host.CreateApplicationBuilder</c> or <c>Host.CreateDefaultBuilder</c> app, internal
/// <c>Program</c> and internal services included); the host is then taken before the entry point
/// can run it, and started here (an entry point that builds several hosts: the first). Code the
/// entry point runs after building its host (before
/// <c>Run</c>) does not run. A catch-all around <c>Main</c> may swallow the exception that ends it;
/// that is harmless, but a <c>Main</c> that then calls <c>Environment.Exit</c> ends the test run.
/// </para>
/// <para>
/// Where the entry point builds no host — it throws, returns, or reads console input (it is given an
/// empty one) before it builds one — <see cref="EntryPointNotUsedReason"/> says why, and every hosted
/// service class of the assembly is started instead in a host of the harness's own, with the app's
/// settings files but none of its registrations: register their dependencies with
/// <see cref="ProjectHostOptions.ConfigureTestServices"/>. Only an entry point that waits for
/// something else is given up after the real-time guard.
/// </para>
/// <para>
/// Every failure lists each hosted service and what was seen of it; a setting the app validates
/// (<c>OptionsValidationException</c>) is named by its configuration key, with
/// <see cref="ProjectHostOptions.Settings"/> as the place to give it.
/// </para>
/// <para>
/// Project hosts start and run side by side, as <c>WebApplicationFactory</c>'s do: none waits for
/// another, so no test spends its timeout queued behind another test's host. An app's static state
/// (a static logger, caches) is shared by every boot in the process; when such state makes two
/// boots of one app interfere, put the tests that start it in one test collection with
/// parallelization disabled (<c>[CollectionDefinition(DisableParallelization = true)]</c>), so that
/// xunit runs them one at a time, each test's timeout starting when it does.
/// </para>
/// </remarks>
public sealed class ProjectHost : IAsyncDisposable
{
    // A window's most timer firings: a 10 ms periodic timer over ten minutes stops here, and says so.
    private const int MaxWindowFirings = 1000;

    private readonly IHost _host;
    private readonly ServiceActivityProbe _probe;
    private readonly OutboundHttpRefusal? _refusal;
    private readonly ProjectHostOptions _options;
    private readonly TimeSpan _limit;
    private readonly string _knob;
    private Task? _stopping;
    private bool _disposed;
    private volatile InvalidOperationException? _reported;

    private ProjectHost(IHost host, TimerAwareFakeTimeProvider time, ServiceActivityProbe probe, OutboundHttpRefusal? refusal,
        ProjectHostOptions options, TimeSpan limit, string knob, IReadOnlyList<Type> hostedServiceTypes, string? entryPointNotUsedReason)
    {
        _knob = knob;
        _host = host;
        Time = time;
        _probe = probe;
        _refusal = refusal;
        _options = options;
        _limit = limit;
        HostedServiceTypes = hostedServiceTypes;
        EntryPointNotUsedReason = entryPointNotUsedReason;
        Logs = host.Services.GetFakeLogCollector();
    }

    /// <summary>The app's clock.</summary>
    public TimerAwareFakeTimeProvider Time { get; }

    /// <summary>Everything the app logged at Information and up (framework categories: Warning and up), also written to the test's output.</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The hosted services of the project under test's own assembly, internal ones included.</summary>
    public IReadOnlyList<Type> HostedServiceTypes { get; }

    /// <summary>Null when the host is the one the entry point built; otherwise why it is not, and the hosted services were started on their own.</summary>
    public string? EntryPointNotUsedReason { get; }

    /// <summary>
    /// Runs the entry point of <paramref name="projectUnderTest"/> until it builds its host, puts the
    /// test's services in place, and starts the host, within <see cref="RealTimeGuard.Limit"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The entry point or the host failed to start; the message says where.</exception>
    public static async Task<ProjectHost> StartAsync(Assembly projectUnderTest, Action<ProjectHostOptions>? configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projectUnderTest);
        var options = new ProjectHostOptions();
        configure?.Invoke(options);
        var (limit, knob) = (RealTimeGuard.Limit, RealTimeGuard.LimitSource);
        var output = TestContext.Current.TestOutputHelper;

        IHost? host = null;
        try
        {
            var time = new TimerAwareFakeTimeProvider();
            var probe = new ServiceActivityProbe();
            time.TimerCreated += (_, dueTime) => probe.OnActivityFromStack($"armed a timer on the injected TimeProvider (due in {dueTime})");
            time.TimerOwner = () => probe.ServiceTypesOnStack() is [var owner, ..] ? owner : null;
            var refusal = options.AllowOutboundHttp ? null : new OutboundHttpRefusal(probe);
            var contentRoot = options.ContentRoot ?? ProjectDirectoryOf() ?? AppContext.BaseDirectory;
            string[] arguments =
            [
                $"--environment={options.EnvironmentName}", $"--contentRoot={contentRoot}", .. options.Arguments,
                .. options.Settings.Where(setting => setting.Value is not null).Select(setting => $"--{setting.Key}={setting.Value}"),
            ];

            void AddTestServices(IServiceCollection services)
            {
                ProjectHostServices.Add(services, time, probe, refusal, output, limit);
                options.ConfigureTestServices?.Invoke(services);
            }

            string? noHostReason = null;
            var entryPoint = projectUnderTest.EntryPoint;
            if (entryPoint is null)
            {
                noHostReason = $"{projectUnderTest.GetName().Name} has no entry point (a class library)";
            }
            else
            {
                (host, noHostReason) = await EntryPointInterceptor.BuildHostAsync(
                    entryPoint,
                    arguments,
                    builder =>
                    {
                        // A HostBuilder still reads its host settings after this event; an app that
                        // ignores its command line gets them here. (HostApplicationBuilder has read
                        // them already and takes them only from the command line.)
                        if (builder is HostBuilder)
                        {
                            builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
                            {
                                [HostDefaults.EnvironmentKey] = options.EnvironmentName,
                                [HostDefaults.ContentRootKey] = contentRoot,
                            }));
                        }

                        // Last, over the app's own sources (an app may ignore its command line).
                        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(options.Settings));
                        builder.ConfigureServices((_, services) => AddTestServices(services));
                    },
                    limit,
                    knob,
                    cancellationToken).ConfigureAwait(false);
            }

            host ??= HostedServicesOnTheirOwn.BuildHost(projectUnderTest, arguments, options, contentRoot, noHostReason!, AddTestServices);
            var hostedServiceTypes = HostedServicesOf(host, projectUnderTest);
            probe.Watch(hostedServiceTypes);

            try
            {
                await host.StartAsync(cancellationToken).WaitWithinGuardAsync($"the host of {projectUnderTest.GetName().Name} to start", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not TimeoutException and not OperationCanceledException)
            {
                var failedIn = probe.ServiceTypesIn(ex);
                throw new InvalidOperationException(
                    $"The host of {projectUnderTest.GetName().Name} failed to start" +
                    (failedIn.Count == 0 ? "" : $" in {string.Join(", ", failedIn.Select(type => type.FullName))}") +
                    $": {ex.GetType().Name}: {ex.Message} " +
                    (MissingSettings.Describe(ex, host.Services)
                        ?? "If a service needs something a test cannot give it, replace it in ProjectHostOptions.ConfigureTestServices.") +
                    ServiceReport(hostedServiceTypes, probe, refusal, type => failedIn.Contains(type) ? $"failed in its StartAsync: {ex.GetType().Name}: {ex.Message}" : null),
                    ex);
            }

            return new ProjectHost(host, time, probe, refusal, options, limit, knob, hostedServiceTypes, noHostReason);
        }
        catch
        {
            if (host is not null)
            {
                await DisposeHostAsync(host).ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// Waits, within <see cref="RealTimeGuard.Limit"/>, until each of <see cref="HostedServiceTypes"/>
    /// has been seen doing something (a log record under its category or from its code, a timer
    /// armed or an HTTP call made from its code, its ExecuteAsync ending), and returns what.
    /// A service nothing was seen of by then has a null <see cref="HostedServiceActivity.FirstActivity"/>.
    /// </summary>
    public async Task<IReadOnlyList<HostedServiceActivity>> WaitForHostedServicesToBeginAsync(CancellationToken cancellationToken)
    {
        var instances = _host.Services.GetServices<IHostedService>().Where(service => HostedServiceTypes.Contains(service.GetType())).ToList();
        foreach (var service in instances)
        {
            switch (service)
            {
                case BackgroundService { ExecuteTask: { } execution }:
                    // Ran to its end, or failed: the body ran. (Cancelled before it ran says nothing.)
                    _ = execution.ContinueWith(
                        task =>
                        {
                            // A refused call it made is what it did first, though its own stack was gone when the call was refused.
                            _ = _refusal?.Describe(except: new HashSet<Exception>());
                            _probe.Record(service.GetType(), task.IsFaulted ? $"ended its ExecuteAsync with {Shorten(task.Exception!.GetBaseException())}" : "ran its ExecuteAsync to the end");
                        },
                        CancellationToken.None,
                        TaskContinuationOptions.NotOnCanceled | TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default);
                    break;
                case BackgroundService:
                    break;
                default:
                    _probe.Record(service.GetType(), "ran its StartAsync (an IHostedService that is not a BackgroundService has no ExecuteAsync)");
                    break;
            }
        }

        var all = Task.WhenAll(HostedServiceTypes.Select(_probe.FirstActivityOfAsync));
        try
        {
            await all.WaitAsync(_limit, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Reported per service below: an unobserved service is the caller's to judge.
        }

        return [.. HostedServiceTypes.Select(type =>
        {
            var activity = _probe.FirstActivityOfAsync(type);
#pragma warning disable VSTHRD002 // Read only once it has completed: nothing blocks.
            return new HostedServiceActivity(type, activity.IsCompletedSuccessfully ? activity.Result : null);
#pragma warning restore VSTHRD002
        })];
    }

    /// <summary>
    /// Lets the app run for <see cref="ProjectHostOptions.ObservationWindow"/> of simulated time on
    /// its fake clock, timer by timer, then fails if a hosted service crashed, an outbound HTTP call
    /// was refused, or anything logged an error.
    /// </summary>
    /// <remarks>
    /// <para>
    /// No real pause decides anything. First each hosted service that takes a
    /// <see cref="TimeProvider"/> (or has armed a timer on it) is waited for until it has armed a
    /// timer or ended. Then the clock moves to the next timer due, one at a time, and after each the
    /// window waits for every service whose timer fired to come back to the clock: to arm its next
    /// timer, to wait for a <see cref="PeriodicTimer"/>'s next tick again, or to end. So whatever a
    /// service does on the injected clock within the window happens before the window ends, on a
    /// fast machine or a busy one, and a crash or an error log it leads to fails the window every time.
    /// </para>
    /// <para>
    /// The real-time guard (<see cref="RealTimeGuard.Limit"/>) bounds each of these waits only as a
    /// backstop: a service that has not come back to the clock by then waits for something else (a
    /// real delay, a queue, a lock); the test's output names it and the window goes on without it.
    /// What a service does on real time (<c>Task.Delay</c> without the injected
    /// <see cref="TimeProvider"/>) is not part of the window. The window stops after 1000 timer
    /// firings (a timer of milliseconds over minutes) and says so in the test's output.
    /// </para>
    /// </remarks>
    /// <exception cref="InvalidOperationException">What went wrong, service by service, and the hook that replaces a dependency.</exception>
    public async Task RunObservationWindowAsync(CancellationToken cancellationToken)
    {
        var end = Time.CurrentTime + _options.ObservationWindow;
        HashSet<Type> offTheClock = [];
        _ = Time.TakeFired();
        await ComeBackToTheClockAsync(ClockUsersAtStart(), offTheClock, "since the host started", cancellationToken).ConfigureAwait(false);

        var firings = 0;
        while (Failures().Count == 0)
        {
            if (Time.NextDueTime() is not { } next || next > end)
            {
                if (end > Time.CurrentTime)
                {
                    Time.Advance(end - Time.CurrentTime);
                }

                break;
            }

            if (firings == MaxWindowFirings)
            {
                TestContext.Current.TestOutputHelper?.WriteLine(
                    $"The observation window stopped after {MaxWindowFirings} timer firings, {end - Time.CurrentTime} before its end: a timer fires more often than a window can follow.");
                break;
            }

            Time.Advance(next > Time.CurrentTime ? next - Time.CurrentTime : TimeSpan.Zero);
            firings++;
            var fired = Time.TakeFired();
            await ComeBackToTheClockAsync(
                fired.Where(timer => timer.Owner is Type owner && !offTheClock.Contains(owner)).Select(timer => Reaction(timer)).ToList(),
                offTheClock,
                $"since its timer fired at {Time.CurrentTime:O}",
                cancellationToken).ConfigureAwait(false);
        }

        ThrowIfFailed();
    }

    /// <summary>Fails with every crash, refused HTTP call and error log seen so far.</summary>
    /// <exception cref="InvalidOperationException">At least one of them.</exception>
    public void ThrowIfFailed()
    {
        var failures = Failures();
        if (failures.Count > 0)
        {
            throw _reported = new InvalidOperationException(
                $"The project under test did not run cleanly in the test:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", failures)}" +
                $"{Environment.NewLine}Replace what cannot work in a test (a real HTTP API, a broker, a database server) in ProjectHostOptions.ConfigureTestServices, " +
                "e.g. services.AddSingleton<IYourDependency, FakeDependency>(); give the settings the app requires in ProjectHostOptions.Settings." +
                ServiceReport(HostedServiceTypes, _probe, _refusal, CrashOf));
        }
    }

    /// <summary>
    /// Stops the host (once; later calls await the same stop) within <see cref="RealTimeGuard.Limit"/>,
    /// then fails naming the services still running or the ones that crashed.
    /// </summary>
    public Task StopAsync() => _stopping ??= StopOnceAsync();

    /// <summary>Stops the host if the test has not, and disposes it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var stoppedByTest = _stopping is not null;
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        catch when (stoppedByTest)
        {
            // The test called StopAsync and has already seen this exception.
        }
        catch (Exception stopFailure) when (_reported is { } reported)
        {
            // The test is failing with ThrowIfFailed's report, which an exception from here (the
            // disposal at the end of its `await using`) replaces: the report goes on, with the
            // crashes the stop found that it had not seen yet (a refused call is reported as soon
            // as it is made, its caller's crash a moment later).
            var later = BackgroundServices()
                .Where(service => service.ExecuteTask is { IsFaulted: true } && !reported.Message.Contains($"{service.GetType().FullName} crashed", StringComparison.Ordinal))
                .Select(service => $"{service.GetType().FullName} crashed: {Shorten(service.ExecuteTask!.Exception!.GetBaseException())}")
                .ToList();
            if (later.Count > 0 || stopFailure is TimeoutException)
            {
                throw new InvalidOperationException(
                    $"{reported.Message}{Environment.NewLine}When the host stopped:{Environment.NewLine}- " +
                    string.Join(Environment.NewLine + "- ", later.Count > 0 ? later : [stopFailure.Message]),
                    stopFailure);
            }
        }
        finally
        {
            await DisposeHostAsync(_host).ConfigureAwait(false);
        }
    }

    // The services that use the injected clock, each until it has armed a timer or ended: a service
    // seen logging first may not have armed its first timer yet.
    private List<(Type Service, Func<bool> Done, bool Polled)> ClockUsersAtStart() =>
        [.. BackgroundServices()
            .Where(service => HostedServiceTypes.Contains(service.GetType()) && (TakesTimeProvider(service.GetType()) || Time.ArmedSince(service.GetType(), 0)))
            .Select(service => (service.GetType(), (Func<bool>)(() => Time.HasArmedTimerOf(service.GetType()) || Ended(service.GetType())), false))];

    // What shows that the service whose timer fired has handled it.
    private (Type Service, Func<bool> Done, bool Polled) Reaction(TimerAwareFakeTimeProvider.FiredTimer fired)
    {
        var owner = (Type)fired.Owner;
        if (!fired.ReactsInAContinuation)
        {
            // Its own callback, which ran to its end inside the advance.
            return (owner, () => true, false);
        }

        if (fired.PeriodicTimerState is { } tick)
        {
            // Nothing signals a PeriodicTimer consumer's return to its wait: looked at between changes.
            return (owner, () => TimerAwareFakeTimeProvider.IsWaitingForNextTick(tick) != false || Time.ArmedSince(owner, fired.Sequence) || Ended(owner), true);
        }

        return (owner, () => Time.ArmedSince(owner, fired.Sequence) || Ended(owner), false);
    }

    // Until each is done, a failure is seen, or the guard: then the ones not done are off the clock for the rest of the window.
    private async Task ComeBackToTheClockAsync(List<(Type Service, Func<bool> Done, bool Polled)> waits, HashSet<Type> offTheClock, string since, CancellationToken cancellationToken)
    {
        if (waits.Count == 0)
        {
            return;
        }

        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(_limit);
        var backstop = Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, guard.Token);
        while (true)
        {
            // Taken before looking: a change after the look completes it.
            var changed = Time.TimersChanged;
            var pending = waits.Where(wait => !wait.Done()).ToList();
            if (pending.Count == 0 || Failures().Count > 0)
            {
                return;
            }

            if (backstop.IsCompleted)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var service in pending.Select(wait => wait.Service).Distinct())
                {
                    offTheClock.Add(service);
                    TestContext.Current.TestOutputHelper?.WriteLine(
                        $"{service.FullName} did not come back to the injected clock within {_limit.TotalSeconds:0.#} s (real time) {since}: it waits for something else " +
                        $"(a real delay, a queue, a lock), and the observation window goes on without it. {_knob}");
                }

                return;
            }

            List<Task> wakeUps = [changed, backstop, .. BackgroundServices().Select(service => service.ExecuteTask).OfType<Task>().Where(execution => !execution.IsCompleted)];
            if (pending.Any(wait => wait.Polled))
            {
                wakeUps.Add(Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System, CancellationToken.None));
            }

            await Task.WhenAny(wakeUps).ConfigureAwait(false);
        }
    }

    private bool Ended(Type serviceType) =>
        BackgroundServices().FirstOrDefault(service => service.GetType() == serviceType)?.ExecuteTask is not { IsCompleted: false };

    private static bool TakesTimeProvider(Type serviceType) =>
        serviceType.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Any(constructor => constructor.GetParameters().Any(parameter => parameter.ParameterType == typeof(TimeProvider)));

    private List<string> Failures()
    {
        List<string> failures = [];
        HashSet<Exception> crashes = [];
        foreach (var service in BackgroundServices())
        {
            if (service.ExecuteTask is { IsFaulted: true } crashed)
            {
                var ex = crashed.Exception!.GetBaseException();
                crashes.Add(ex);
                failures.Add($"{service.GetType().FullName} crashed: {ex.GetType().Name}: {ex.Message}" +
                    (MissingSettings.Describe(ex, _host.Services, withFailures: false) is { } settings ? $" {settings}" : ""));
            }
        }

        if (_refusal is not null)
        {
            // A refused call that crashed its caller is in that crash's line already.
            failures.AddRange(_refusal.Describe(except: crashes));
        }

        failures.AddRange(Logs.GetSnapshot()
            .Where(record => record.Level >= LogLevel.Error)
            // The host's own lines about a crash listed above.
            .Where(record => !(record.Category == "Microsoft.Extensions.Hosting.Internal.Host" && record.Exception is { } ex && crashes.Contains(ex.GetBaseException())))
            .Select(record => $"{record.Category} logged an error: {record.Message}" +
                (record.Exception is null ? "" : $" ({record.Exception.GetType().Name}: {record.Exception.Message})")));
        return failures;
    }

    private string? CrashOf(Type serviceType) =>
        BackgroundServices().FirstOrDefault(service => service.GetType() == serviceType)?.ExecuteTask is { IsFaulted: true } crashed
            ? $"crashed: {Shorten(crashed.Exception!.GetBaseException())}"
            : null;

    // Every hosted service by name, and what was seen of it: a failure names the ones it concerns, and the rest.
    private static string ServiceReport(IReadOnlyList<Type> serviceTypes, ServiceActivityProbe probe, OutboundHttpRefusal? refusal, Func<Type, string?> failureOf)
    {
        if (serviceTypes.Count == 0)
        {
            return "";
        }

        // Attributes the refused calls to their callers first.
        _ = refusal?.Describe(except: new HashSet<Exception>());
        var lines = serviceTypes.Select(type =>
        {
            var seen = probe.FirstActivitySoFar(type) ?? "nothing seen";
            return failureOf(type) switch
            {
                null => $"{type.FullName}: {seen}",
                // Its end was the first thing seen of it: the failure says it.
                { } failure when seen.StartsWith("ended its ExecuteAsync", StringComparison.Ordinal) => $"{type.FullName}: {failure}",
                { } failure => $"{type.FullName}: {seen}; then {failure}",
            };
        });
        return $"{Environment.NewLine}What was seen of each hosted service:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", lines)}";
    }

    private static string Shorten(Exception exception)
    {
        var message = $"{exception.GetType().Name}: {exception.Message}";
        return message.Length <= 200 ? message : message[..197] + "...";
    }

    private IEnumerable<BackgroundService> BackgroundServices() =>
        _host.Services.GetServices<IHostedService>().OfType<BackgroundService>();

    private async Task StopOnceAsync()
    {
        // Its own real-time bound: the test's token may already be cancelled when teardown runs.
        using var bounded = new CancellationTokenSource(_limit);
        try
        {
            await _host.StopAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (bounded.IsCancellationRequested)
        {
            // Reported below, by name.
        }

        var stillRunning = BackgroundServices().Where(service => service.ExecuteTask is { IsCompleted: false }).Select(service => service.GetType().FullName).ToList();
        if (stillRunning.Count > 0)
        {
            throw new TimeoutException(
                $"{string.Join(", ", stillRunning)} did not stop within {_limit.TotalSeconds:0.#} s (real time) of the host's stop: " +
                $"does its ExecuteAsync pass the stopping token to everything it awaits? {_knob}");
        }

        var crashes = BackgroundServices()
            .Where(service => service.ExecuteTask is { IsFaulted: true })
            .Select(service => new InvalidOperationException($"{service.GetType().FullName} crashed.", service.ExecuteTask!.Exception!.GetBaseException()))
            .ToList();
        if (crashes.Count == 1)
        {
            ExceptionDispatchInfo.Throw(crashes[0]);
        }

        if (crashes.Count > 1)
        {
            throw new AggregateException("Background services crashed.", crashes);
        }
    }

    // The hosted services of the project's own assembly: resolving them is what the host's start does too.
    private static List<Type> HostedServicesOf(IHost host, Assembly projectUnderTest)
    {
        try
        {
            return [.. host.Services.GetServices<IHostedService>().Select(service => service.GetType()).Where(type => type.Assembly == projectUnderTest).Distinct()];
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"A hosted service of {projectUnderTest.GetName().Name} could not be created: {ex.Message} " +
                "Register or replace what it needs in ProjectHostOptions.ConfigureTestServices.", ex);
        }
    }

    // The generated project file names the project under test's folder in the test assembly's metadata.
    private static string? ProjectDirectoryOf()
    {
        var testAssembly = (TestContext.Current.TestAssembly as Xunit.v3.IXunitTestAssembly)?.Assembly;
        var directory = testAssembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "ProjectUnderTestDirectory")?.Value;
        return Directory.Exists(directory) ? directory : null;
    }

    private static async ValueTask DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            host.Dispose();
        }
    }
}
