namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>Upper bounds for tests that restore, build and run a generated project.</summary>
public static class EndToEndLimits
{
    /// <summary>Per-test timeout: generous, these tests run real builds on a shared 2-core machine.</summary>
    public const int Test = 8 * 60 * 1000;
}
