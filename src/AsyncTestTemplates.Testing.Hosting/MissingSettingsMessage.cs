using Microsoft.Extensions.DependencyInjection;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// What a fixture says when the app it starts fails on its own settings validation
/// (<c>ValidateOnStart</c>, required options): each missing setting by its configuration key
/// (<c>Payments:ApiKey</c>, the section the app binds and the member) and the one place the
/// fixture takes settings.
/// </summary>
public static class MissingSettingsMessage
{
    /// <summary>
    /// "The app requires the setting Payments:ApiKey, which the test did not give it (…). Give it in
    /// <paramref name="place"/>, keyed as in appsettings.json: ["Payments:ApiKey"] = "value",", or
    /// <see langword="null"/> when <paramref name="startFailure"/> is no settings validation failure.
    /// </summary>
    /// <param name="startFailure">What starting the app threw.</param>
    /// <param name="appServices">The app's service collection, where it bound its settings to a configuration section.</param>
    /// <param name="place">Where the fixture takes settings, e.g. "the Settings of ApiFixture (ApiFixture.cs)".</param>
    public static string? Describe(Exception startFailure, IServiceCollection appServices, string place)
    {
        ArgumentNullException.ThrowIfNull(startFailure);
        ArgumentNullException.ThrowIfNull(appServices);
        ArgumentException.ThrowIfNullOrWhiteSpace(place);
        return MissingSettings.Describe(startFailure, appServices, place);
    }
}
