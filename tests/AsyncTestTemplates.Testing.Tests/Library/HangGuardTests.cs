using System.Diagnostics;
using System.Reflection;
using Xunit.v3;

namespace AsyncTestTemplates.Testing.Tests.Library;

/// <summary>
/// The hang report's decision to end a stuck run, with this very test as the running test. The
/// attribute is not registered in this assembly (its build file's AsyncTestRunGuard is unset here),
/// so nothing else reports to it; the end-to-end HangGuardTimeoutTests runs it for real.
/// </summary>
public sealed class HangGuardTests
{
    // Longer than this assembly's hang timeout (120 s, HangTimeoutDeclaration.cs).
    [Fact(Timeout = 300_000)]
    public async Task A_running_test_within_its_own_timeout_keeps_the_run_going_past_the_hang_timeout()
    {
        await Task.Delay(TimeSpan.Zero, TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.SkipWhen(Debugger.IsAttached, "With a debugger attached the run is never ended, whatever runs.");
        var test = Assert.IsType<IXunitTest>(TestContext.Current.Test, exactMatch: false);
        var method = (MethodInfo)MethodBase.GetCurrentMethod()!;
        var report = new ReportHungTestsAttribute();

        report.Before(method, test);
        try
        {
            Assert.Equal(TimeSpan.FromSeconds(120), ReportHungTestsAttribute.HangTimeout);
            // Idle for longer than the hang timeout, and more: this test's own 300 s have not passed.
            Assert.False(ReportHungTestsAttribute.MayEnd(idle: TimeSpan.FromSeconds(200)));
        }
        finally
        {
            report.After(method, test);
            ReportHungTestsAttribute.StopWatching();
        }

        // Nothing running, nobody debugging: a run idle this long is ended.
        Assert.True(ReportHungTestsAttribute.MayEnd(idle: TimeSpan.FromSeconds(200)));
    }
}
