namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// The short names of the templates that ship with the .NET SDK, as listed by <c>dotnet new list</c>
/// with an empty hive on SDK 10.0.401. A pack template with one of these names would be ambiguous
/// for <c>dotnet new &lt;name&gt;</c>. Extend the list when a newer SDK adds templates.
/// </summary>
public static class SdkTemplates
{
    public static IReadOnlySet<string> ShortNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "apicontroller", "web", "grpc", "webapi", "webapiaot", "mvc", "webapp", "razor", "blazor", "blazorwasm",
        "classlib", "console", "gitattributes", ".gitattributes", "gitignore", ".gitignore", "tool-manifest",
        "editorconfig", ".editorconfig", "globaljson", "global.json", "mcpserver", "buildprops", "buildtargets",
        "packagesprops", "mstest-playwright", "mstest-class", "mstest", "mvccontroller", "viewimports", "viewstart",
        "nugetconfig", "nuget.config", "nunit-playwright", "nunit-test", "nunit", "proto", "razorclasslib",
        "razorcomponent", "page", "view", "sln", "solution", "slnf", "solutionfilter", "webconfig", "winforms",
        "winformslib", "winformscontrollib", "worker", "wpf", "wpflib", "wpfcustomcontrollib", "wpfusercontrollib",
        "xunit",
    };
}
