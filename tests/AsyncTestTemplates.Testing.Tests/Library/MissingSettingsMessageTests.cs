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
