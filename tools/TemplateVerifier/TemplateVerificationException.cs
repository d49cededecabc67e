namespace AsyncTestTemplates.Verification;

/// <summary>The error codes of Microsoft.TemplateEngine.Authoring.TemplateVerifier, kept so that the real one can replace ours.</summary>
public enum TemplateVerificationErrorCode
{
    VerificationFailed = 65,
    InternalError = 70,
    WorkingDirectoryExists = 73,
    InstantiationFailed = 100,
    TemplateDoesNotExist = 103,
    InstallFailed = 106,
    InvalidOption = 127,
}

public sealed class TemplateVerificationException(TemplateVerificationErrorCode code, string message) : Exception(message)
{
    public TemplateVerificationErrorCode Code { get; } = code;
}
