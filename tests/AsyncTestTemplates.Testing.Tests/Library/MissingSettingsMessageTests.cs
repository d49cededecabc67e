using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AsyncTestTemplates.Testing.Tests.Library;

/// <summary>
/// An app that validates its settings at start fails in a fixture: the message names each missing
/// setting by the configuration key a user sets (the section the app binds, a colon, the member), not
/// the member alone, and the fixture's place for it, with the entry to write there.
/// </summary>
public sealed class MissingSettingsMessageTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_setting_validated_at_start_is_named_by_its_configuration_key_and_the_fixture_s_place()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddOptions<PaymentsOptions>()
            .Bind(builder.Configuration.GetSection("Payments"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(cancellationToken));
        var message = MissingSettingsMessage.Describe(failure, builder.Services, "the Settings of ApiFixture (ApiFixture.cs)");

        Assert.NotNull(message);
        Assert.StartsWith("The app requires the setting Payments:ApiKey, which the test did not give it (PaymentsOptions: DataAnnotation validation failed", message, StringComparison.Ordinal);
        Assert.EndsWith("Give it in the Settings of ApiFixture (ApiFixture.cs), keyed as in appsettings.json: [\"Payments:ApiKey\"] = \"value\",", message, StringComparison.Ordinal);
    }

    // BindConfiguration("Payments") registers its binding as a factory and watches the whole configuration,
    // so the section is found by running the binding against a configuration that records what it asks for.
    [Fact(Timeout = 30_000)]
    public async Task A_setting_bound_with_BindConfiguration_is_named_by_its_configuration_key_too()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddOptions<PaymentsOptions>()
            .BindConfiguration("Payments")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(cancellationToken));
        var fromServices = MissingSettingsMessage.Describe(failure, builder.Services, "the Settings of ApiFixture (ApiFixture.cs)");
        var fromProvider = MissingSettings.Describe(failure, host.Services, withFailures: false);

        Assert.NotNull(fromServices);
        Assert.StartsWith("The app requires the setting Payments:ApiKey, which the test did not give it (PaymentsOptions: DataAnnotation validation failed", fromServices, StringComparison.Ordinal);
        Assert.EndsWith("keyed as in appsettings.json: [\"Payments:ApiKey\"] = \"value\",", fromServices, StringComparison.Ordinal);
        Assert.NotNull(fromProvider);
        Assert.StartsWith("The app requires the setting Payments:ApiKey, which the test did not give it.", fromProvider, StringComparison.Ordinal);
    }

    // Named options bound to two sections: the message names the section of the options that failed.
    [Fact(Timeout = 30_000)]
    public async Task Named_options_bound_with_BindConfiguration_are_named_by_their_own_section()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("Payments:Primary:ApiKey", "set")]);
        builder.Services.AddOptions<PaymentsOptions>("primary").BindConfiguration("Payments:Primary").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PaymentsOptions>("fallback").BindConfiguration("Payments:Fallback").ValidateDataAnnotations().ValidateOnStart();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(cancellationToken));
        var message = MissingSettingsMessage.Describe(failure, builder.Services, "the Settings of ApiFixture (ApiFixture.cs)");

        Assert.NotNull(message);
        Assert.StartsWith("The app requires the setting Payments:Fallback:ApiKey, which the test did not give it", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_start_failure_is_not_described_as_a_setting() =>
        Assert.Null(MissingSettingsMessage.Describe(new InvalidOperationException("the broker is gone"), new ServiceCollection(), "the Settings of ApiFixture (ApiFixture.cs)"));

    // Bound by the host's configuration binder (created by reflection).
    internal sealed class PaymentsOptions
    {
        [Required]
        public string? ApiKey { get; set; }
    }
}
