using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// Says why a run executed no test, which Microsoft.Testing.Platform fails with exit code 8 and only
/// "Zero tests ran": the filter it was given matched none (naming the filter), or the project has
/// no test yet; and how a run with no test passes (<c>-p:AsyncTestNoTestsAsError=false</c>).
/// <c>dotnet test</c> shows the line with the failed run's output.
/// </summary>
/// <remarks>
/// The package registers it in a Microsoft.Testing.Platform test assembly that has no pipeline
/// startup of its own (<c>[assembly: TestPipelineStartup(typeof(ExplainZeroTestsRun))]</c>, generated
/// at build time); <c>AsyncTestNoTestsAsError=false</c> leaves it out, and lets such a run pass. The
/// line is written as the process exits with the platform's exit code 8 (zero tests ran), and only then:
/// a run whose tests failed before they started (a fixture that threw) ends with another code.
/// </remarks>
public sealed class ExplainZeroTestsRun : ITestPipelineStartup
{
    /// <summary>Microsoft.Testing.Platform's exit code for a run that executed no test.</summary>
    internal const int ZeroTestsExitCode = 8;

    // Microsoft.Testing.Platform's filters, xunit's own and the platform's.
    private static readonly string[] FilterOptions =
    [
        "--filter-class", "--filter-not-class", "--filter-method", "--filter-not-method", "--filter-namespace",
        "--filter-not-namespace", "--filter-trait", "--filter-not-trait", "--filter-query", "--filter-uid", "--treenode-filter",
    ];

    private static int _registered;

    /// <inheritdoc />
    public ValueTask StartAsync(IMessageSink diagnosticMessageSink)
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => ExplainOnExit();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask StopAsync() => ValueTask.CompletedTask;

    private static void ExplainOnExit()
    {
        var arguments = Environment.GetCommandLineArgs();
        if (Environment.ExitCode != ZeroTestsExitCode || arguments.Contains("--list-tests", StringComparer.Ordinal))
        {
            return;
        }

        // The process is exiting: a plain write, flushed, is all there is time for.
        Console.Error.WriteLine(Explain(Assembly.GetEntryAssembly(), arguments));
        Console.Error.Flush();
    }

    /// <summary>The line for a run of <paramref name="testAssembly"/> with <paramref name="arguments"/> that executed no test.</summary>
    internal static string Explain(Assembly? testAssembly, IReadOnlyList<string> arguments)
    {
        var name = testAssembly?.GetName().Name ?? "the test project";
        var filters = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (FilterOptions.Contains(arguments[i], StringComparer.Ordinal))
            {
                filters.Add(i + 1 < arguments.Count ? $"{arguments[i]} {arguments[i + 1]}" : arguments[i]);
            }
        }

        var why = filters.Count > 0
            ? $"the filter matched no test of {name} ({string.Join(", ", filters)})"
            : HasTests(testAssembly)
                ? $"xunit ran none of the tests of {name} (each is skipped or explicit, or the runner settings leave them out)"
                : $"{name} has no test yet (no [Fact] or [Theory] in its code)";
        return $"AsyncTestTemplates: no test ran, because {why}: Microsoft.Testing.Platform fails such a run (exit code 8, \"Zero tests ran\"). " +
            "To let a run with no test pass (a filter run across a solution where some projects match nothing), " +
            "dotnet test -p:AsyncTestNoTestsAsError=false, or set AsyncTestNoTestsAsError to false in the project file.";
    }

    private static bool HasTests(Assembly? testAssembly)
    {
        if (testAssembly is null)
        {
            return true;
        }

        try
        {
            return testAssembly.GetTypes().SelectMany(type => type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                .Any(method => method.IsDefined(typeof(FactAttribute), inherit: true));
        }
        catch (ReflectionTypeLoadException)
        {
            return true;
        }
    }
}
