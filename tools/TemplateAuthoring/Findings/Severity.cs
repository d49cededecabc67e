namespace AsyncTestTemplates.Authoring.Findings;

/// <summary>How a finding affects the build, as in Authoring.Tasks: errors fail it, infos are only shown.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}
