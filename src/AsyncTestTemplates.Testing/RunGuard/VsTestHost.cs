using System.Diagnostics;
using System.Globalization;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// The VSTest test host an xunit v3 test process runs beneath. When this process ends itself as the
/// hang guard, the host's xunit adapter waits a further minute before it reports the dead process
/// (its crash detection); ending the host too lets VSTest report "Test host process crashed", print
/// what the process wrote to standard error, and write its results file at once — what VSTest's
/// blame collector does at its hang timeout.
/// </summary>
internal static class VsTestHost
{
    /// <summary>The parent process when it is a VSTest test host; null when it is not, or cannot be told (only Linux is read).</summary>
    internal static Process? FindParent()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            // "pid (command) state ppid …": the command may contain spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parentId = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var commandLine = File.ReadAllText($"/proc/{parentId}/cmdline");
            return commandLine.Contains("testhost", StringComparison.OrdinalIgnoreCase) ? Process.GetProcessById(parentId) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            return null;
        }
    }
}
