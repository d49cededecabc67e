using System.Text.RegularExpressions;

namespace AsyncTestTemplates.Verification;

/// <summary>
/// Finds template-engine conditionals that reached the generated output: the engine only processes
/// <c>#if</c> in the file types it knows (or that a template's <c>SpecialCustomOperations</c> names),
/// and leaves them as text everywhere else — a <c>test.runsettings</c> once kept its coverage collector
/// under <c>--coverage false</c> that way.
/// </summary>
public static partial class LeftoverDirectives
{
    /// <summary>The offending lines of one generated file, as "path:line: text".</summary>
    public static IEnumerable<string> In(string path, string content)
    {
        // In C# a bare #if is the language's own preprocessor; anywhere else it is the engine's.
        var pattern = Path.GetExtension(path).Equals(".cs", StringComparison.OrdinalIgnoreCase) ? CommentedDirective() : AnyDirective();
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (pattern.IsMatch(lines[i]))
            {
                yield return $"{path}:{i + 1}: {lines[i].Trim()}";
            }
        }
    }

    // <!--#if, //#if, /*#if, @*#if and ##if (the engine's commented and "actionable" forms), and
    // the same for #else, #elseif, #elif and #endif.
    [GeneratedRegex(@"^\s*(<!--|//|/\*|@\*|#)#(if|elseif|elif|else|endif)\b")]
    private static partial Regex CommentedDirective();

    // The above, and a bare #if as the engine reads it in YAML, shell or .editorconfig files.
    [GeneratedRegex(@"^\s*(<!--|//|/\*|@\*|#)?#(if|elseif|elif|else|endif)\b")]
    private static partial Regex AnyDirective();
}
