namespace AsyncTestTemplates.Verification;

/// <summary>One snapshot scenario: which template, with which arguments, compared where.</summary>
/// <param name="TemplateName">The template's short name, e.g. <c>async-tests</c>.</param>
public sealed record TemplateVerifierOptions(string TemplateName)
{
    /// <summary>Arguments after the short name. <c>-n</c>/<c>-o</c> are added only when missing.</summary>
    public IReadOnlyList<string> TemplateArgs { get; init; } = [];

    /// <summary>A short name for the scenario (lower-case ASCII, digits, dashes): the snapshot folder under the template's.</summary>
    public string? ScenarioName { get; init; }

    /// <summary>Also snapshot what <c>dotnet new</c> printed (std-streams/stdout.txt, stderr.txt).</summary>
    public bool VerifyCommandOutput { get; init; } = true;

    /// <summary>The exit code <c>dotnet new</c> must end with.</summary>
    public int ExpectedExitCode { get; init; }

    /// <summary>Where the <c>&lt;template&gt;/&lt;scenario&gt;/</c> snapshot folders live.</summary>
    public required string SnapshotsDirectory { get; init; }

    /// <summary>
    /// Write what was received as the new verified snapshot instead of failing. Defaults to the
    /// environment variable <see cref="TemplateVerifier.AcceptVariable"/> being 1.
    /// </summary>
    public bool AcceptChanges { get; init; } = Environment.GetEnvironmentVariable(TemplateVerifier.AcceptVariable) == "1";

    /// <summary>Further replacements, applied to each file's text after the built-in ones.</summary>
    public IReadOnlyList<Scrubber> Scrubbers { get; init; } = [];
}

/// <summary>Rewrites a file's text before comparison. <paramref name="RelativePath"/> uses '/' separators.</summary>
public delegate string Scrubber(string RelativePath, string content);
