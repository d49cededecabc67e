namespace AsyncTestTemplates.Authoring.Findings;

/// <summary>One problem in one file, with the engine's or our own rule code.</summary>
public sealed record Finding(Severity Severity, string Code, string Message, string File)
{
    public static Finding Error(string code, string message, string file) => new(Severity.Error, code, message, file);

    public static Finding Warning(string code, string message, string file) => new(Severity.Warning, code, message, file);

    public static Finding Info(string code, string message, string file) => new(Severity.Info, code, message, file);

    /// <summary>
    /// The MSBuild canonical form with Authoring.Tasks' subcategory, so that MSBuild's Exec task
    /// turns errors and warnings into real build diagnostics that name the file:
    /// <c>…/template.json : Template configuration error MV002: Missing 'name'.</c>
    /// Infos use the category "message", which MSBuild shows as plain text and never counts.
    /// </summary>
    public override string ToString() => $"{File} : Template configuration {Category} {Code}: {Message}";

    private string Category => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "message",
    };
}
