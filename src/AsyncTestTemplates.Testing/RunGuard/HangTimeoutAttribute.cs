using System.Reflection;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// Tells the hang report the test project's hang timeout (in a generated project the report itself
/// is the hang guard, under either runner; in a project of its own, match its runner's guard), so that it names hung tests at half that time and ends a stuck test process at or a little after it: <c>[assembly: HangTimeout(300)]</c>. Without it, 300 seconds.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class HangTimeoutAttribute : Attribute
{
    /// <summary>The default hang timeout, in seconds, when a test assembly declares none.</summary>
    public const int DefaultSeconds = 300;

    /// <summary>Declares the hang timeout of the test project's runner settings.</summary>
    /// <param name="seconds">The hang timeout in seconds; more than zero.</param>
    public HangTimeoutAttribute(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        Seconds = seconds;
    }

    /// <summary>The hang timeout in seconds.</summary>
    public int Seconds { get; }

    /// <summary>The hang timeout <paramref name="testAssembly"/> declares, or <see cref="DefaultSeconds"/>.</summary>
    internal static TimeSpan Of(Assembly? testAssembly) =>
        TimeSpan.FromSeconds(testAssembly?.GetCustomAttribute<HangTimeoutAttribute>()?.Seconds ?? DefaultSeconds);
}
