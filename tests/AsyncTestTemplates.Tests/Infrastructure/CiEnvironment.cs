namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>
/// The variables by which CI systems make themselves known, the ones the pack's settings package reads
/// (a `dotnet test` collects coverage where one is set). Every child process starts without them, as on
/// a developer's machine, whether these tests run locally or on a CI agent; a test that stands for a CI
/// run sets <see cref="OnCi"/>.
/// </summary>
public static class CiEnvironment
{
    public static IReadOnlyList<string> Variables { get; } =
    [
        "CI", "TF_BUILD", "BUILD_BUILDID", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION",
        "BUILDKITE", "CIRCLECI", "TRAVIS", "APPVEYOR", "BITBUCKET_BUILD_NUMBER", "CODEBUILD_BUILD_ID",
    ];

    /// <summary>A CI agent, as most CI systems announce one.</summary>
    public static IReadOnlyDictionary<string, string?> OnCi { get; } = new Dictionary<string, string?> { ["CI"] = "true" };
}
