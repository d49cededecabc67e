namespace AsyncTestTemplates.Testing.Analyzers;

/// <summary>Where each rule is explained: a section of the async testing guide, as an absolute address.</summary>
/// <remarks>
/// <see cref="GuideAddress.Guide"/> is generated at build time from the MSBuild property
/// <c>AsyncTestTemplatesGuideUrl</c> (Directory.Build.props), the one place that names the project's
/// public address; the packages' project and repository URLs come from the same place.
/// </remarks>
internal static class HelpLinks
{
    public const string TestWithoutTimeout = GuideAddress.Guide + "#12-a-test-without-a-timeout";

    public const string UnobservedTaskLocal = GuideAddress.Guide + "#13-a-task-kept-in-a-variable-and-never-awaited";
}
