using System.Globalization;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// The limits the library applies in real time, each read from one place: an MSBuild property the
/// package's build files write into the test's runtime configuration (read here with
/// <see cref="AppContext.GetData"/>), and an environment variable, which wins, for one slow machine
/// (a CI agent) without a change to the project.
/// </summary>
/// <remarks>
/// The real-time guard (<see cref="RealTimeGuard.Limit"/>): MSBuild property
/// <c>AsyncTestRealTimeGuardSeconds</c>, environment variable
/// <c>ASYNCTESTTEMPLATES_REAL_TIME_GUARD_SECONDS</c>, 10 seconds by default. It bounds every wait for
/// something that should happen almost at once: a timer to be armed, a host to start or stop, an
/// entry point to build its host, a hosted service's first activity, a request's response in a
/// generated integration fixture. The hang timeout has a knob of its own: <see cref="HangTimeoutAttribute"/>.
/// </remarks>
internal static class Budgets
{
    /// <summary>The MSBuild property, e.g. <c>&lt;AsyncTestRealTimeGuardSeconds&gt;30&lt;/AsyncTestRealTimeGuardSeconds&gt;</c>.</summary>
    internal const string GuardProperty = "AsyncTestRealTimeGuardSeconds";

    /// <summary>The environment variable; it wins over the property.</summary>
    internal const string GuardVariable = "ASYNCTESTTEMPLATES_REAL_TIME_GUARD_SECONDS";

    /// <summary>The runtime configuration option the package's build files write the property to.</summary>
    internal const string GuardSwitch = "AsyncTestTemplates.RealTimeGuardSeconds";

    /// <summary>The guard when neither the property nor the variable sets one.</summary>
    internal static readonly TimeSpan DefaultGuard = TimeSpan.FromSeconds(10);

    /// <summary>What a timeout message says about where the guard is set.</summary>
    internal const string GuardKnob =
        "the real-time guard: the MSBuild property " + GuardProperty + " for the project, or the environment variable " +
        GuardVariable + " for one slow machine (it wins)";

    /// <summary>The real-time guard as configured, before the running test's timeout is taken into account.</summary>
    /// <exception cref="InvalidOperationException">The property or the variable is not a number of seconds more than zero.</exception>
    internal static TimeSpan RealTimeGuard =>
        Guard(Environment.GetEnvironmentVariable(GuardVariable), AppContext.GetData(GuardSwitch)?.ToString());

    /// <summary>The guard from the environment variable's value, else the runtime configuration's, else the default.</summary>
    internal static TimeSpan Guard(string? fromEnvironment, string? fromBuild)
    {
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Seconds(fromEnvironment, $"The environment variable {GuardVariable}");
        }

        if (!string.IsNullOrWhiteSpace(fromBuild))
        {
            return Seconds(fromBuild, $"The MSBuild property {GuardProperty} (runtime configuration option {GuardSwitch})");
        }

        return DefaultGuard;
    }

    private static TimeSpan Seconds(string value, string source)
    {
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        throw new InvalidOperationException(
            $"{source} is '{value}': it must be a number of seconds more than zero, such as 30 or 2.5.");
    }
}
