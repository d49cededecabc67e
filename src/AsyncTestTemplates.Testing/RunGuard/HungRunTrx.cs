using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// The TRX file a Microsoft.Testing.Platform run asked for, written by the hang guard when it ends
/// the run: the platform's TRX report is written when the test session ends, and a hung test never
/// lets it end, so the file would be missing exactly when a CI system needs it. Written where the
/// platform would have written it (<c>--results-directory</c>, else <c>TestResults</c> in the
/// folder <c>dotnet test</c> ran in, or the test application's folder when it is run directly; <c>--report-xunit-trx-filename</c> or <c>--report-trx-filename</c>, else
/// xunit's default name), from the run's command line and the test application's
/// <c>testconfig.json</c>: the hung tests failed, the finished ones with their outcome, the ones that
/// never started not executed, and the run failed with the guard's reason.
/// </summary>
/// <remarks>
/// Under VSTest the test host above the test process writes the TRX (the guard ends it too, and
/// VSTest reports the crash): nothing is written here.
/// </remarks>
internal static class HungRunTrx
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private const string UnitTestType = "13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b";
    private const string ResultsNotInAList = "8c84fa94-04c1-424b-9868-57a2d4851a1d";
    private const string AllLoadedResults = "19431567-8539-422a-85d7-44ee4e166bda";

    /// <summary>A test in the file: its name, outcome (TRX's: Passed, Failed, NotExecuted, Completed), when it started and how long it ran, and why it failed.</summary>
    internal sealed record Result(string Name, string Outcome, DateTimeOffset? StartedAt, TimeSpan Duration, string? Message);

    /// <summary>
    /// Where the run's options ask for a TRX file; null when they ask for none, or the run is not a
    /// Microsoft.Testing.Platform one (xunit's <c>-automated</c> mode, which VSTest's adapter starts).
    /// </summary>
    /// <param name="arguments">The test application's command line, without the program name.</param>
    /// <param name="testConfigJson">The text of the test application's <c>testconfig.json</c>, or null.</param>
    /// <param name="workingDirectory">The directory the default results folder and relative paths are under.</param>
    /// <param name="now">The time in xunit's default file name.</param>
    internal static string? RequestedPath(IReadOnlyList<string> arguments, string? testConfigJson, string workingDirectory, DateTimeOffset now)
    {
        if (arguments.Any(argument => argument.Equals("-automated", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var options = ConfiguredOptions(testConfigJson);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].StartsWith("--", StringComparison.Ordinal))
            {
                var value = i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal) ? arguments[i + 1] : "true";
                options[arguments[i][2..]] = value;
            }
        }

        var requested = IsOn(options, "report-xunit-trx") || IsOn(options, "report-trx");
        if (!requested)
        {
            return null;
        }

        var fileName = options.GetValueOrDefault("report-xunit-trx-filename") ?? options.GetValueOrDefault("report-trx-filename")
            ?? $"{Environment.UserName}_{Environment.MachineName}_{now.ToString("yyyy-MM-dd_HH_mm_ss.ffffff", CultureInfo.InvariantCulture)}.trx";
        var directory = options.GetValueOrDefault("results-directory") ?? "TestResults";
        return Path.GetFullPath(Path.Combine(workingDirectory, directory, fileName));
    }

    /// <summary>Writes the file: every result given, the run failed with <paramref name="reason"/>.</summary>
    internal static void Write(string path, string assemblyPath, IReadOnlyList<Result> results, string reason, DateTimeOffset startedAt, DateTimeOffset now)
    {
        var computer = Environment.MachineName;
        var tests = results.Select(result => (result, testId: Guid.NewGuid().ToString(), executionId: Guid.NewGuid().ToString())).ToList();
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                Trx + "TestRun",
                new XAttribute("id", Guid.NewGuid().ToString()),
                new XAttribute("name", $"{Path.GetFileNameWithoutExtension(assemblyPath)}, ended by the hang guard"),
                new XElement(Trx + "Times", new XAttribute("creation", Stamp(startedAt)), new XAttribute("queuing", Stamp(startedAt)), new XAttribute("start", Stamp(startedAt)), new XAttribute("finish", Stamp(now))),
                new XElement(Trx + "Results", tests.Select(test => new XElement(
                    Trx + "UnitTestResult",
                    new XAttribute("executionId", test.executionId),
                    new XAttribute("testId", test.testId),
                    new XAttribute("testName", test.result.Name),
                    new XAttribute("computerName", computer),
                    new XAttribute("duration", test.result.Duration.ToString(@"hh\:mm\:ss\.fffffff", CultureInfo.InvariantCulture)),
                    new XAttribute("startTime", Stamp(test.result.StartedAt ?? now)),
                    new XAttribute("endTime", Stamp((test.result.StartedAt ?? now) + test.result.Duration)),
                    new XAttribute("testType", UnitTestType),
                    new XAttribute("outcome", test.result.Outcome),
                    new XAttribute("testListId", ResultsNotInAList),
                    test.result.Message is null ? null : new XElement(Trx + "Output", new XElement(Trx + "ErrorInfo", new XElement(Trx + "Message", test.result.Message)))))),
                new XElement(Trx + "TestDefinitions", tests.Select(test => new XElement(
                    Trx + "UnitTest",
                    new XAttribute("name", test.result.Name),
                    new XAttribute("storage", assemblyPath),
                    new XAttribute("id", test.testId),
                    new XElement(Trx + "Execution", new XAttribute("id", test.executionId)),
                    new XElement(
                        Trx + "TestMethod",
                        new XAttribute("codeBase", assemblyPath),
                        new XAttribute("adapterTypeName", "executor://asynctesttemplates/hangguard"),
                        new XAttribute("className", ClassOf(test.result.Name)),
                        new XAttribute("name", MethodOf(test.result.Name)))))),
                new XElement(Trx + "TestEntries", tests.Select(test => new XElement(
                    Trx + "TestEntry", new XAttribute("testId", test.testId), new XAttribute("executionId", test.executionId), new XAttribute("testListId", ResultsNotInAList)))),
                new XElement(
                    Trx + "TestLists",
                    new XElement(Trx + "TestList", new XAttribute("name", "Results Not in a List"), new XAttribute("id", ResultsNotInAList)),
                    new XElement(Trx + "TestList", new XAttribute("name", "All Loaded Results"), new XAttribute("id", AllLoadedResults))),
                new XElement(
                    Trx + "ResultSummary",
                    new XAttribute("outcome", "Failed"),
                    new XElement(
                        Trx + "Counters",
                        new XAttribute("total", results.Count),
                        new XAttribute("executed", results.Count(result => result.Outcome != "NotExecuted")),
                        new XAttribute("passed", results.Count(result => result.Outcome == "Passed")),
                        new XAttribute("failed", results.Count(result => result.Outcome == "Failed")),
                        new XAttribute("error", 0),
                        new XAttribute("timeout", 0),
                        new XAttribute("aborted", 0),
                        new XAttribute("inconclusive", 0),
                        new XAttribute("passedButRunAborted", 0),
                        new XAttribute("notRunnable", 0),
                        new XAttribute("notExecuted", results.Count(result => result.Outcome == "NotExecuted")),
                        new XAttribute("disconnected", 0),
                        new XAttribute("warning", 0),
                        new XAttribute("completed", results.Count(result => result.Outcome == "Completed")),
                        new XAttribute("inProgress", 0),
                        new XAttribute("pending", 0)),
                    new XElement(
                        Trx + "RunInfos",
                        new XElement(
                            Trx + "RunInfo",
                            new XAttribute("computerName", computer),
                            new XAttribute("outcome", "Error"),
                            new XAttribute("timestamp", Stamp(now)),
                            new XElement(Trx + "Text", reason))))));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        document.Save(path);
    }

    // testconfig.json's "commandLineOptions" (comments and trailing commas allowed, as the platform reads it).
    private static Dictionary<string, string> ConfiguredOptions(string? testConfigJson)
    {
        Dictionary<string, string> options = new(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(testConfigJson))
        {
            return options;
        }

        try
        {
            using var document = JsonDocument.Parse(testConfigJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("commandLineOptions", out var configured) && configured.ValueKind == JsonValueKind.Object)
            {
                foreach (var option in configured.EnumerateObject())
                {
                    options[option.Name] = option.Value.ValueKind switch
                    {
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => option.Value.ToString(),
                    };
                }
            }
        }
        catch (JsonException)
        {
            // The platform itself reports a testconfig.json it cannot read.
        }

        return options;
    }

    private static bool IsOn(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && !value.Equals("false", StringComparison.OrdinalIgnoreCase);

    private static string Stamp(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    // "Acme.Tests.OrdersTests.Saves(id: 3)": class "Acme.Tests.OrdersTests", method "Saves(id: 3)".
    private static string ClassOf(string name)
    {
        var method = MethodOf(name);
        return name.Length > method.Length ? name[..(name.Length - method.Length - 1)] : name;
    }

    private static string MethodOf(string name)
    {
        var arguments = name.IndexOf('(', StringComparison.Ordinal);
        var plain = arguments < 0 ? name : name[..arguments];
        var dot = plain.LastIndexOf('.');
        return dot < 0 ? name : name[(dot + 1)..];
    }
}
