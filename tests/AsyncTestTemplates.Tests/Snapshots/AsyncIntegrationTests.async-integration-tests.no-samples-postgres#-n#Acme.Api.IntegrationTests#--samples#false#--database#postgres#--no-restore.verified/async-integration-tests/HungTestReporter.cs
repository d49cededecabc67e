using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Xunit.v3;

[assembly: Acme.Api.IntegrationTests.ReportHungTests]

namespace Acme.Api.IntegrationTests;

/// <summary>
/// Names tests that are still running after <see cref="ReportAfter"/>, on standard error.
/// </summary>
/// <remarks>
/// A test that blocks a thread or awaits something that never completes cannot be stopped by its
/// timeout. The runner's hang guard (blame collector on VSTest, HangDump on
/// Microsoft.Testing.Platform) then ends the whole run, but under <c>dotnet test</c> neither names
/// the culprit on the console. This report does, before the guard fires: standard error is shown
/// when the run fails. It runs on a timer, not on a test thread, so a blocked test cannot silence it.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ReportHungTestsAttribute : BeforeAfterTestAttribute
{
    private const int HangTimeoutSeconds = 300;

    /// <summary>Half the hang timeout, and no later than the per-test timeout.</summary>
    public static TimeSpan ReportAfter { get; } =
        TimeSpan.FromMilliseconds(Math.Min(TestTimeouts.Default, HangTimeoutSeconds * 1000 / 2));

    private static readonly ConcurrentDictionary<string, RunningTest> Running = new();
    private static readonly Lazy<ITimer> Watch = new(() =>
        TimeProvider.System.CreateTimer(_ => ReportLongRunners(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

    /// <inheritdoc />
    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        _ = Watch.Value;
        Running[test.UniqueID] = new RunningTest(test.TestDisplayName, Stopwatch.GetTimestamp());
    }

    /// <inheritdoc />
    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        Running.TryRemove(test.UniqueID, out _);
    }

    private static void ReportLongRunners()
    {
        foreach (var (id, test) in Running)
        {
            var elapsed = Stopwatch.GetElapsedTime(test.StartedAt);
            if (!test.Reported && elapsed >= ReportAfter && Running.TryUpdate(id, test with { Reported = true }, test))
            {
                Console.Error.WriteLine(
                    $"[hung test?] '{test.DisplayName}' is still running after {elapsed.TotalSeconds:0} s; " +
                    $"the run is ended once a test hangs for {HangTimeoutSeconds} s.");
            }
        }
    }

    private sealed record RunningTest(string DisplayName, long StartedAt, bool Reported = false);
}
