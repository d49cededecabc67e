using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Xunit.v3;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// Names, once each, the tests still running after half the hang timeout (or their own timeout, if
/// shorter), and, when no test has started or finished for that long, the fixtures the run may be
/// stuck in; ends a test process that is still stuck at the hang timeout when it is the run's hang
/// guard, and a little after it otherwise — but never while a running test is within its own
/// <c>Timeout</c> (a test may legitimately run longer than the hang timeout), nor while a debugger
/// is attached. When it ends the run it says that the run failed, which test hung and which tests
/// never started, and under Microsoft.Testing.Platform writes the TRX file the run asked for (see
/// <see cref="HungRunTrx"/>).
/// </summary>
/// <remarks>
/// <para>
/// A test that blocks a thread or awaits something that never completes cannot be stopped by its
/// timeout, and a fixture's setup or teardown has no timeout at all. A hang guard then ends the whole
/// run: in a generated project this report itself, under either runner (see
/// <see cref="HangGuardVariable"/> and <see cref="HangGuardSwitch"/>); in a project of its own
/// perhaps a runner's guard such as HangDump, which does not name the culprit on the console. This
/// report does, before the guard fires: standard error is shown when the run fails. It runs on a
/// timer, not on a test thread, so a blocked test cannot silence it.
/// </para>
/// <para>
/// The package registers it in every test assembly that references it
/// (<c>[assembly: ReportHungTests]</c>, generated at build time); set the MSBuild property
/// <c>AsyncTestRunGuard</c> to <c>false</c> to leave it out. The hang timeout comes from
/// <see cref="HangTimeoutAttribute"/>.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ReportHungTestsAttribute : BeforeAfterTestAttribute
{
    private static readonly ConcurrentDictionary<string, RunningTest> Running = new();
    private static readonly ConcurrentDictionary<Type, bool> StartedClasses = new();
    private static readonly ConcurrentDictionary<string, bool> StartedMethods = new(StringComparer.Ordinal);
    private static readonly ConcurrentQueue<HungRunTrx.Result> Finished = new();
    private static readonly DateTimeOffset WatchingSince = TimeProvider.System.GetUtcNow();
    private static readonly Lazy<ITimer> Watch = new(() =>
        TimeProvider.System.CreateTimer(_ => Report(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

    /// <summary>
    /// Set to <c>process</c> (a generated project's test.runsettings does, for VSTest) when no runner
    /// hang guard watches the run: this process is then the guard, and ends itself at the hang
    /// timeout, naming hung tests through xunit's diagnostic messages, which reach the console.
    /// </summary>
    internal const string HangGuardVariable = "ASYNCTESTTEMPLATES_HANG_GUARD";

    /// <summary>
    /// The same as <see cref="HangGuardVariable"/>, as a runtime configuration option written at build
    /// time (the MSBuild property <c>AsyncTestHangGuard</c>): Microsoft.Testing.Platform has no
    /// settings file that sets a test process's environment, so the package's build files arm the
    /// guard this way in an MTP project without HangDump, and no controller process is needed.
    /// </summary>
    internal const string HangGuardSwitch = "AsyncTestTemplates.HangGuard";

    private static readonly bool ProcessIsTheGuard =
        IsProcess(Environment.GetEnvironmentVariable(HangGuardVariable)) || IsProcess(AppContext.GetData(HangGuardSwitch) as string);

    private static Assembly? _testAssembly;
    private static TimeSpan _hangTimeout = TimeSpan.FromSeconds(HangTimeoutAttribute.DefaultSeconds);
    private static long _lastActivity = Stopwatch.GetTimestamp();
    private static string? _lastFinished;
    private static int _stallReported;
    private static int _debuggerReported;
    private static string? _waitingForReported;

    /// <summary>The hang timeout of the test assembly being run (see <see cref="HangTimeoutAttribute"/>).</summary>
    internal static TimeSpan HangTimeout => _hangTimeout;

    /// <summary>
    /// A little past the hang timeout: by then the runner's hang guard has ended the run. A test
    /// process still alive then without any test starting or finishing ends itself, because
    /// nobody else will — under VSTest the guard stops the test host, but xunit's test process
    /// beneath it would live on, and run directly, a test executable has no hang guard at all.
    /// </summary>
    internal static TimeSpan EndAfter => ProcessIsTheGuard
        ? HangTimeout
        : HangTimeout + TimeSpan.FromSeconds(Math.Max(10, HangTimeout.TotalSeconds / 10));

    private static TimeSpan StallReportAfter => HangTimeout / 2;

    // After a test's own timeout, the time xunit takes to fail it and move on (an async test) before
    // the guard may end the run (a test blocked synchronously, which xunit cannot stop).
    private static TimeSpan OwnTimeoutGrace => TimeSpan.FromSeconds(Math.Max(5, HangTimeout.TotalSeconds / 10));

    /// <summary>Starts watching before the first test, so that a fixture stuck before it is reported too.</summary>
    /// <param name="testAssembly">The assembly whose tests run (its <see cref="HangTimeoutAttribute"/> applies).</param>
    internal static void StartWatching(Assembly? testAssembly)
    {
        UseAssembly(testAssembly);
        Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
        _ = Watch.Value;
    }

    /// <summary>Stops watching once every test and fixture is done.</summary>
    internal static void StopWatching()
    {
        if (Watch.IsValueCreated)
        {
            Watch.Value.Dispose();
        }
    }

    /// <inheritdoc />
    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        UseAssembly(test.TestMethod.TestClass.Class.Assembly);
        _ = Watch.Value;
        StartedClasses.TryAdd(test.TestMethod.TestClass.Class, true);
        StartedMethods.TryAdd(MethodKey(test.TestMethod.TestClass.Class, test.TestMethod.Method.Name), true);
        TimeSpan? ownTimeout = test.Timeout > 0 ? TimeSpan.FromMilliseconds(test.Timeout) : null;
        var reportAfter = ownTimeout < StallReportAfter ? ownTimeout.Value : StallReportAfter;
        Running[test.UniqueID] = new RunningTest(test.TestDisplayName, Stopwatch.GetTimestamp(), reportAfter, ownTimeout);
        LeftoverThreads.Observe(Running.Values.Select(running => running.DisplayName));
        MarkActivity();
    }

    /// <inheritdoc />
    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        LeftoverThreads.Observe(Running.Values.Select(running => running.DisplayName));
        if (Running.TryRemove(test.UniqueID, out var finished))
        {
            // For the TRX the guard writes if it ends the run: how the test ended, where xunit says so already.
            var outcome = TestContext.Current.TestState?.Result switch
            {
                TestResult.Passed => "Passed",
                TestResult.Failed => "Failed",
                TestResult.Skipped or TestResult.NotRun => "NotExecuted",
                _ => "Completed",
            };
            var duration = Stopwatch.GetElapsedTime(finished.StartedAt);
            Finished.Enqueue(new HungRunTrx.Result(finished.DisplayName, outcome, TimeProvider.System.GetUtcNow() - duration, duration, null));
        }

        Volatile.Write(ref _lastFinished, test.TestDisplayName);
        MarkActivity();
    }

    /// <summary>
    /// False while a debugger is attached (a person sits on a breakpoint) or a running test is within
    /// its own timeout (and the short time xunit takes to fail it); each reason is said once.
    /// </summary>
    internal static bool MayEnd(TimeSpan idle)
    {
        if (Debugger.IsAttached)
        {
            if (Interlocked.Exchange(ref _debuggerReported, 1) == 0)
            {
                Say($"[hang guard] No test has started or finished for {idle.TotalSeconds:0} s, but a debugger is attached: the run is not ended while it is.");
            }

            return false;
        }

        var within = Running.Values
            .Where(test => test.OwnTimeout is { } own && Stopwatch.GetElapsedTime(test.StartedAt) < own + OwnTimeoutGrace)
            .OrderByDescending(test => test.OwnTimeout)
            .FirstOrDefault();
        if (within is null)
        {
            return true;
        }

        if (Interlocked.Exchange(ref _waitingForReported, within.DisplayName) != within.DisplayName)
        {
            Say(
                $"[hang guard] No test has started or finished for {idle.TotalSeconds:0} s, but '{within.DisplayName}' is within its own Timeout " +
                $"({within.OwnTimeout!.Value.TotalSeconds:0} s): the run goes on until that has passed.");
        }

        return false;
    }

    // "'X' hung (running for 40 s). 2 test(s) never started: A.B, C.D." for the final line.
    private static string HungAndNotStarted()
    {
        var hung = Running.Values
            .OrderBy(test => test.StartedAt)
            .Select(test => $"'{test.DisplayName}' (running for {Stopwatch.GetElapsedTime(test.StartedAt).TotalSeconds:0} s)")
            .ToList();
        var notStarted = MethodsNotStarted();
        return (hung.Count == 0 ? "No test is running (a fixture's setup or teardown is stuck). " : $"Hung: {string.Join(", ", hung)}. ") +
            (notStarted.Count == 0
                ? "Every test of the assembly had started."
                : $"{notStarted.Count} test(s) of the assembly never started (a filtered run may not have included them): " +
                  (notStarted.Count > 10 ? $"{string.Join(", ", notStarted.Take(10))} and {notStarted.Count - 10} more." : $"{string.Join(", ", notStarted)}."));
    }

    private static List<string> MethodsNotStarted() =>
        [.. (Volatile.Read(ref _testAssembly)?.GetTypes() ?? [])
            .Where(type => !type.IsAbstract || type.IsSealed)
            .SelectMany(type => type.GetMethods().Where(method => method.IsDefined(typeof(FactAttribute), inherit: true)).Select(method => MethodKey(type, method.Name)))
            .Distinct(StringComparer.Ordinal)
            .Where(key => !StartedMethods.ContainsKey(key))
            .Order(StringComparer.Ordinal)];

    private static string MethodKey(Type type, string method) => $"{type.FullName}.{method}";

    private static bool IsProcess(string? guard) => string.Equals(guard, "process", StringComparison.OrdinalIgnoreCase);

    private static void UseAssembly(Assembly? testAssembly)
    {
        if (testAssembly is not null && Interlocked.CompareExchange(ref _testAssembly, testAssembly, null) is null)
        {
            _hangTimeout = HangTimeoutAttribute.Of(testAssembly);
        }
    }

    private static void MarkActivity()
    {
        Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
        Interlocked.Exchange(ref _stallReported, 0);
    }

    private static void Report()
    {
        foreach (var (id, test) in Running)
        {
            var elapsed = Stopwatch.GetElapsedTime(test.StartedAt);
            if (!test.Reported && elapsed >= test.ReportAfter && Running.TryUpdate(id, test with { Reported = true }, test))
            {
                Say(test.OwnTimeout > HangTimeout
                    ? $"[long-running test] '{test.DisplayName}' is still running after {elapsed.TotalSeconds:0} s; its own Timeout " +
                      $"({test.OwnTimeout.Value.TotalSeconds:0} s) is longer than the hang timeout ({HangTimeout.TotalSeconds:0} s), and the hang guard waits for it."
                    : $"[hung test?] '{test.DisplayName}' is still running after {elapsed.TotalSeconds:0} s; " +
                      $"the run is ended once a test hangs for {HangTimeout.TotalSeconds:0} s.");
            }
        }

        var idle = Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity));
        if (idle >= EndAfter && MayEnd(idle))
        {
            var reason =
                $"[hang guard] The run failed: no test has started or finished for {idle.TotalSeconds:0} s, " +
                $"{(ProcessIsTheGuard ? "the hang timeout" : "past the hang timeout")} of {HangTimeout.TotalSeconds:0} s: the test process ends itself. " +
                HungAndNotStarted();
            SayFinal(reason);
            WriteTrxIfAsked(reason);
            EndProcess();
        }

        // Once per stall: activity (a test starting or finishing) arms the report again.
        if (Running.IsEmpty && idle >= StallReportAfter && Interlocked.Exchange(ref _stallReported, 1) == 0)
        {
            var lastFinished = Volatile.Read(ref _lastFinished);
            Say(
                $"[hung fixture?] No test has started or finished for {idle.TotalSeconds:0} s. " +
                (lastFinished is null ? "" : $"A teardown after '{lastFinished}' may be stuck, or a fixture's setup. ") +
                $"Fixtures of test classes that have not started: {FixturesOfClassesNotStarted()}.");
        }
    }

    // Once each (see GuardOutput): standard error under Microsoft.Testing.Platform, xunit's diagnostic
    // messages under VSTest when this process is the guard.
    private static void Say(string message) => GuardOutput.Say(message, diagnosticUnderVsTest: ProcessIsTheGuard);

    // The line VSTest shows as the reason the test host "crashed": standard error only, under VSTest too.
    private static void SayFinal(string message) => GuardOutput.SayFinal(message);

    // Under Microsoft.Testing.Platform the TRX report is written when the session ends, which a hung
    // test never lets happen: the file the run asked for is written here (see HungRunTrx).
    private static void WriteTrxIfAsked(string reason)
    {
        try
        {
            using (var vsTestHost = VsTestHost.FindParent())
            {
                if (vsTestHost is not null)
                {
                    return;
                }
            }

            var assembly = Volatile.Read(ref _testAssembly) ?? Assembly.GetEntryAssembly();
            if (assembly is null || string.IsNullOrEmpty(assembly.Location))
            {
                return;
            }

            var testConfig = Path.Combine(AppContext.BaseDirectory, $"{Path.GetFileNameWithoutExtension(assembly.Location)}.testconfig.json");
            var now = TimeProvider.System.GetUtcNow();
            var path = HungRunTrx.RequestedPath(
                Environment.GetCommandLineArgs().Skip(1).ToList(),
                File.Exists(testConfig) ? File.ReadAllText(testConfig) : null,
                // The platform's default results folder is under the folder dotnet test ran in, which it
                // names here; run directly, under the test application's own folder (measured, .NET SDK 10).
                Environment.GetEnvironmentVariable("DOTNET_CLI_TEST_COMMAND_WORKING_DIRECTORY") is { Length: > 0 } dotnetTestDirectory ? dotnetTestDirectory : AppContext.BaseDirectory,
                now.ToLocalTime());
            if (path is null)
            {
                return;
            }

            List<HungRunTrx.Result> results = [.. Finished];
            results.AddRange(Running.Values.OrderBy(test => test.StartedAt).Select(test =>
            {
                var running = Stopwatch.GetElapsedTime(test.StartedAt);
                return new HungRunTrx.Result(test.DisplayName, "Failed", now - running, running, $"Still running after {running.TotalSeconds:0} s when the hang guard ended the run. {reason}");
            }));
            results.AddRange(MethodsNotStarted().Select(name => new HungRunTrx.Result(name, "NotExecuted", null, TimeSpan.Zero, "Never started: the hang guard ended the run first (a filtered run may not have included it).")));
            HungRunTrx.Write(path, assembly.Location, results, reason, WatchingSince, now);
            SayFinal($"[hang guard] Results File: {path}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            SayFinal($"[hang guard] The TRX file the run asked for could not be written: {ex.Message}");
        }
    }

    // As the guard, end at once, with the VSTest test host above this process (see VsTestHost):
    // Environment.Exit would run exit handlers that wait for the blocked tests.
    private static void EndProcess()
    {
        Console.Error.Flush();
        if (ProcessIsTheGuard)
        {
            using (var host = VsTestHost.FindParent())
            {
                host?.Kill();
            }

            using var self = Process.GetCurrentProcess();
            self.Kill();
        }

        Environment.Exit(1);
    }

    // "DatabaseFixture (OrdersTests)" for each class fixture and collection fixture of a test class
    // with no started test yet: one of them is where the run waits, if it waits in a fixture.
    private static string FixturesOfClassesNotStarted()
    {
        var types = Volatile.Read(ref _testAssembly)?.GetTypes() ?? [];
        var definitions = types
            .Select(type => (type, definition: type.GetCustomAttribute<CollectionDefinitionAttribute>()))
            .Where(pair => pair.definition?.Name is not null)
            .ToDictionary(pair => pair.definition!.Name!, pair => pair.type, StringComparer.Ordinal);
        var suspects = types
            .Where(type => !StartedClasses.ContainsKey(type) && type.GetMethods().Any(method => method.IsDefined(typeof(FactAttribute), inherit: true)))
            .SelectMany(testClass => FixtureTypes(testClass, definitions).Select(fixture => $"{fixture.Name} ({testClass.Name})"))
            .ToList();
        return suspects.Count switch
        {
            0 => "none",
            > 10 => $"{string.Join(", ", suspects.Take(10))} and {suspects.Count - 10} more",
            _ => string.Join(", ", suspects),
        };
    }

    private static IEnumerable<Type> FixtureTypes(Type testClass, Dictionary<string, Type> definitions)
    {
        var collection = testClass.GetCustomAttributes().OfType<ICollectionAttribute>().FirstOrDefault();
        Type? definition = null;
        if (collection is not null && (collection.Type is not null || definitions.TryGetValue(collection.Name, out definition)))
        {
            definition = collection.Type ?? definition;
        }

        return FixturesOf(testClass, typeof(IClassFixture<>)).Concat(definition is null ? [] : FixturesOf(definition, typeof(ICollectionFixture<>)));
    }

    private static IEnumerable<Type> FixturesOf(Type type, Type fixtureInterface) =>
        type.GetInterfaces()
            .Where(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == fixtureInterface)
            .Select(contract => contract.GetGenericArguments()[0]);

    private sealed record RunningTest(string DisplayName, long StartedAt, TimeSpan ReportAfter, TimeSpan? OwnTimeout, bool Reported = false);
}
