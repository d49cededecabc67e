using System.Reflection;
using Xunit.v3;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// Counts the tests of the run that start, for <see cref="ExplainZeroTestsRun"/>. The package registers it
/// in a Microsoft.Testing.Platform test assembly (<c>[assembly: CountTestsRun]</c>, generated at build time).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class CountTestsRunAttribute : BeforeAfterTestAttribute
{
    private static long _started;

    /// <summary>How many tests of this process have started.</summary>
    internal static long Started => Interlocked.Read(ref _started);

    /// <inheritdoc />
    public override void Before(MethodInfo methodUnderTest, IXunitTest test) => Interlocked.Increment(ref _started);
}
