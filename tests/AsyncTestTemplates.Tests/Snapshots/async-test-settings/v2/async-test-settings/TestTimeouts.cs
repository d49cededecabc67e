using System;

namespace Acme.Orders.Tests;

/// <summary>
/// The time limits of this test project, in one place.
/// </summary>
/// <remarks>
/// xunit v2 has no project-wide test timeout, and honours a test's <c>Timeout</c> only with
/// parallelization off: each test class bounds its tests with a token of its own, cancelled after
/// <see cref="Default"/> (as the classes <c>dotnet new async-test-class --xunit v2</c> writes do).
/// </remarks>
public static class TestTimeouts
{
    private const int TestTimeoutSeconds = 30;

    /// <summary>
    /// Per-test timeout in milliseconds: when it expires the test's own token is cancelled, so
    /// code that was handed the token stops and the test fails.
    /// </summary>
    public const int Default = TestTimeoutSeconds * 1000;

    /// <summary>
    /// How long a test waits, in real time, for something that should happen almost at once:
    /// a handler to finish, the code under test to arm a timer. Shorter than <see cref="Default"/>,
    /// so that the guard's message, not the bare timeout, explains what never happened.
    /// </summary>
    public static TimeSpan Guard { get; } = TimeSpan.FromMilliseconds(Math.Min(10_000, Default / 2));
}
