namespace AsyncTestTemplates.Testing;

/// <summary>
/// Threads that tests started and that outlive them: after the last test, each one still running is
/// named with the tests that ran when it started.
/// </summary>
/// <remarks>
/// A foreground thread that never ends keeps the test process alive: xunit then waits
/// (<c>shutdownForegroundThreadWaitSeconds</c>) and fails the run, without saying which test left
/// it. This names the candidates. It reads the process's threads from <c>/proc/self/task</c>, so it
/// works on Linux only, and leaves out the runtime's own threads (named ".NET …").
/// </remarks>
internal static class LeftoverThreads
{
    private const string Threads = "/proc/self/task";
    private static readonly object Gate = new();
    private static readonly Dictionary<string, string> StartedDuring = [];
    private static HashSet<string>? _known;

    /// <summary>Attributes threads that appeared since the last call to the tests running now.</summary>
    public static void Observe(IEnumerable<string> runningTests)
    {
        if (!Directory.Exists(Threads))
        {
            return;
        }

        // The snapshot is taken under the lock: tests observe in parallel, and a snapshot older than
        // the last one stored would make a thread look new again later, blamed on the tests running then.
        lock (Gate)
        {
            var now = ThreadIds();
            if (_known is not null)
            {
                var tests = string.Join("' or '", runningTests);
                foreach (var thread in now.Where(thread => !_known.Contains(thread)))
                {
                    StartedDuring[thread] = tests;
                }
            }

            _known = now;
        }
    }

    /// <summary>One line for each thread a test started that is still running.</summary>
    public static IReadOnlyList<string> StillRunning()
    {
        lock (Gate)
        {
            return
            [
                .. StartedDuring
                    .Select(started => (thread: started.Key, tests: started.Value, name: ThreadName(started.Key)))
                    .Where(started => started.name is not null && !started.name.StartsWith(".NET ", StringComparison.Ordinal))
                    .Select(started =>
                        $"[thread left running?] Thread {started.thread} ('{started.name}'), started while '{started.tests}' ran, " +
                        "is still running after the last test. A foreground thread keeps the test process from exiting."),
            ];
        }
    }

    private static HashSet<string> ThreadIds() =>
        [.. Directory.EnumerateDirectories(Threads).Select(Path.GetFileName).OfType<string>()];

    private static string? ThreadName(string thread)
    {
        try
        {
            return File.ReadAllText(Path.Combine(Threads, thread, "comm")).Trim();
        }
        catch (IOException)
        {
            // The thread has ended.
            return null;
        }
    }
}
