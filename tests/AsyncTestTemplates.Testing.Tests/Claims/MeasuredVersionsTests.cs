using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// The guide states what the claims tests measured with these package versions. The loaded package must
/// be the one build/Versions.props pins, and the pin must be the version measured: a bump in
/// Versions.props fails here first, on purpose. Re-check the named guide sections and the claims tests
/// with the new version, then update the measured version below.
/// </summary>
public sealed class MeasuredVersionsTests
{
    private const string MeasuredFakeTimeProvider = "10.11.0";
    private const string MeasuredXunit = "4.0.2";
    private const string MeasuredHosting = "10.0.15";

    [Fact]
    [Trait(GuideSection.Trait, GuideSection.FakeTime)]
    public void FakeTimeProvider_is_the_version_the_fake_time_claims_were_measured_with() =>
        AssertMeasuredWith(typeof(FakeTimeProvider), "MicrosoftExtensionsTimeProviderTestingVersion", MeasuredFakeTimeProvider, "§ 3 Fake time instead of sleeping");

    [Fact]
    [Trait(GuideSection.Trait, GuideSection.Configuration)]
    public void Xunit_is_the_version_the_run_claims_were_measured_with() =>
        AssertMeasuredWith(typeof(FactAttribute), "XunitV3Version", MeasuredXunit, "§ 1 Configuration, § 2 Fixtures, § 4 Background work, § 13 ConfigureAwait, § 14 Parallel tests and § 15 What a test's timeout covers (what xunit does with a timeout, a failed teardown, a leftover thread, a forgotten task; the synchronization context, parallel collections, what a timeout counts)");

    [Fact]
    [Trait(GuideSection.Trait, GuideSection.BackgroundWork)]
    public void Hosting_is_the_version_the_background_service_claims_were_measured_with() =>
        AssertMeasuredWith(typeof(BackgroundService), "MicrosoftExtensionsHostingVersion", MeasuredHosting, "§ 4 Background work and its cancellation (BackgroundService since .NET 10)");

    private static void AssertMeasuredWith(Type fromPackage, string versionProperty, string measured, string guideSections)
    {
        var pinned = typeof(MeasuredVersionsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == versionProperty).Value;
        var informational = fromPackage.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "(none)";
        var loaded = informational.Split('+')[0];

        var package = fromPackage.Assembly.GetName().Name;

        Assert.True(
            pinned == measured,
            $"build/Versions.props pins {versionProperty} = {pinned}, but the guide's claims were measured with {package} {measured}. " +
            $"Re-check docs/async-testing-guide.md {guideSections} with {pinned} (the claims tests, docs/guide-claims.md), " +
            $"then update the measured version in {nameof(MeasuredVersionsTests)}.");
        Assert.True(
            loaded == pinned,
            $"{package} {loaded} is loaded, not the {pinned} build/Versions.props pins ({versionProperty}): something lifts it. " +
            $"The guide's claims were measured with {measured}; re-check docs/async-testing-guide.md {guideSections} before bumping.");
    }
}
