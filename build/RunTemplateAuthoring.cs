using System;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Runs the template authoring tool (tools/TemplateAuthoring) and logs what it prints, for
/// TemplateValidation.targets and TemplatePackaging.targets (compiled by RoslynCodeTaskFactory).
/// Not Exec: Exec adds a generic MSB3073 error to the tool's own, and with IgnoreExitCode it lets
/// the build go on to pack after an error.
/// </summary>
public sealed class RunTemplateAuthoring : Task
{
    // The tool prints "<file> : Template configuration <error|warning|message> <code>: <text>".
    private static readonly Regex Finding = new Regex(
        @"^(?<file>.*?) : (?<subcategory>Template configuration) (?<category>error|warning|message) (?<code>[A-Z]+[0-9]+): (?<text>.*)$");

    [Required]
    public string Host { get; set; }

    [Required]
    public string ToolAssembly { get; set; }

    [Required]
    public string[] Arguments { get; set; }

    public override bool Execute()
    {
        var start = new ProcessStartInfo(Host)
        {
            Arguments = "exec \"" + ToolAssembly + "\" " + string.Join(" ", Array.ConvertAll(Arguments, a => "\"" + a + "\"")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Log.LogMessage(MessageImportance.Normal, "{0} {1}", Host, start.Arguments);
        using (var process = Process.Start(start))
        {
            // Standard error is drained on the side so that neither pipe can fill up and stall the tool.
            var standardError = new StringBuilder();
            process.ErrorDataReceived += (sender, e) =>
            {
                if (e.Data != null)
                {
                    lock (standardError)
                    {
                        standardError.AppendLine(e.Data);
                    }
                }
            };
            process.BeginErrorReadLine();
            string line;
            while ((line = process.StandardOutput.ReadLine()) != null)
            {
                LogLine(line);
            }

            process.WaitForExit();
            if (process.ExitCode != 0 && !Log.HasLoggedErrors)
            {
                lock (standardError)
                {
                    Log.LogError("The template authoring tool exited with code {0}. {1}", process.ExitCode, standardError.ToString().Trim());
                }
            }

            // An error fails the target here, so nothing after it (staging, pack) runs.
            return process.ExitCode == 0 && !Log.HasLoggedErrors;
        }
    }

    private void LogLine(string line)
    {
        var match = Finding.Match(line);
        if (!match.Success)
        {
            Log.LogMessage(MessageImportance.High, line);
            return;
        }

        var file = match.Groups["file"].Value;
        var subcategory = match.Groups["subcategory"].Value;
        var code = match.Groups["code"].Value;
        var text = match.Groups["text"].Value;
        switch (match.Groups["category"].Value)
        {
            case "error":
                Log.LogError(subcategory, code, null, file, 0, 0, 0, 0, text);
                break;
            case "warning":
                Log.LogWarning(subcategory, code, null, file, 0, 0, 0, 0, text);
                break;
            default:
                Log.LogMessage(MessageImportance.High, line);
                break;
        }
    }
}
