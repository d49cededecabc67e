using System;
using AsyncTestTemplates.Testing;

// The hang report of AsyncTestTemplates.Testing names hung tests at half this time, before the
// runner's hang guard (test.runsettings, testconfig.json) ends the run.
[assembly: HangTimeout(global::Acme.Orders.Tests.TestTimeouts.HangTimeoutSeconds)]

namespace Acme.Orders.Tests;

/// <summary>
/// The time limits of this test project, in one place.
/// </summary>
/// <remarks>
/// xunit v3 has no project-wide test timeout, so every test names <see cref="Default"/>:
/// <c>[Fact(Timeout = TestTimeouts.Default)]</c>. Keep that spelling rather than a custom
/// attribute derived from <c>FactAttribute</c>: xunit's analyzers only recognise <c>[Fact]</c>
/// and <c>[Theory]</c> themselves, and they are what turns a forgotten cancellation token or a
/// blocking wait into a compile error.
/// </remarks>
public static class TestTimeouts
{
    private const int TestTimeoutSeconds = 30;

    /// <summary>
    /// Per-test timeout in milliseconds. When it expires xunit fails the test and cancels
    /// <c>TestContext.Current.CancellationToken</c>, so code that was handed the token stops too.
    /// </summary>
    public const int Default = TestTimeoutSeconds * 1000;

    /// <summary>
    /// The hang timeout, in seconds: when no test has started or finished for this long, the test
    /// process names the tests still running and ends the run, under either runner
    /// (AsyncTestTemplates.Testing's hang guard, armed by test.runsettings for VSTest and by the
    /// project file for Microsoft.Testing.Platform). A test still within its own, longer
    /// <c>Timeout</c>, or a debugger attached, holds it off.
    /// </summary>
    public const int HangTimeoutSeconds = 300;

    /// <summary>
    /// How long a test waits, in real time, for something that should happen almost at once:
    /// a handler to finish, the code under test to arm a timer. Ten seconds (the MSBuild property
    /// AsyncTestRealTimeGuardSeconds sets it for the project, the environment variable
    /// ASYNCTESTTEMPLATES_REAL_TIME_GUARD_SECONDS for one slow machine), and at most half the
    /// running test's timeout, so that the guard's message, not the bare timeout, explains what
    /// never happened.
    /// </summary>
    public static TimeSpan Guard => RealTimeGuard.Limit;
}
