using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// Turns an <see cref="OptionsValidationException"/> (a setting the app requires or validates at
/// start) into the configuration keys it names and the one place a test supplies them:
/// <see cref="ProjectHostOptions.Settings"/>.
/// </summary>
internal static partial class MissingSettings
{
    /// <summary>Where the generated first test supplies settings.</summary>
    public const string Place = "ProjectHostOptions.Settings (in the generated first test, ProjectUnderTestTests.cs: options.Settings[\"Section:Key\"] = \"value\")";

    /// <summary>The validation failure in <paramref name="exception"/>, or null.</summary>
    public static OptionsValidationException? Find(Exception? exception) => exception switch
    {
        null => null,
        OptionsValidationException invalid => invalid,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null),
        _ => Find(exception.InnerException),
    };

    /// <summary>
    /// "the settings Orders:ApiKey (OrdersOptions.ApiKey: The ApiKey field is required.) … give them in …",
    /// or null when <paramref name="exception"/> is no settings validation failure.
    /// </summary>
    public static string? Describe(Exception? exception, IServiceProvider? services, bool withFailures = true) =>
        Find(exception) is { } invalid ? Describe(invalid, SectionOf(invalid, services), Place, withFailures, example: false) : null;

    /// <summary>
    /// The same sentence for an app whose services a fixture registered (<paramref name="services"/>, the
    /// app's service collection), with <paramref name="place"/> where the fixture takes settings and
    /// the entries to write there, keyed as in appsettings.json.
    /// </summary>
    public static string? Describe(Exception? exception, IServiceCollection services, string place) =>
        Find(exception) is { } invalid ? Describe(invalid, SectionOf(invalid, services), place, withFailures: true, example: true) : null;

    private static string Describe(OptionsValidationException invalid, string? section, string place, bool withFailures, bool example)
    {
        var keys = MembersOf(invalid).Select(member => section is null ? member : $"{section}:{member}").ToList();
        var named = keys.Count == 0 ? $"a setting of {invalid.OptionsType.Name}" : $"the setting{(keys.Count == 1 ? "" : "s")} {string.Join(", ", keys)}";
        return $"The app requires {named}, which the test did not give it" +
            (withFailures ? $" ({invalid.OptionsType.Name}: {string.Join(" ", invalid.Failures)}). " : ". ") +
            $"Give {(keys.Count == 1 ? "it" : "them")} in {place}" +
            (section is null
                ? $"; the key is the configuration section the app binds to {invalid.OptionsType.Name}, a colon, and the member."
                : example && keys.Count > 0 ? $", keyed as in appsettings.json: {string.Join(" ", keys.Select(key => $"[\"{key}\"] = \"value\","))}" : ".");
    }

    // DataAnnotations: "DataAnnotation validation failed for 'OrdersOptions' members: 'ApiKey' with the error: '…'."
    private static IEnumerable<string> MembersOf(OptionsValidationException invalid) =>
        invalid.Failures.SelectMany(failure => MembersPattern().Matches(failure).Select(match => match.Groups["members"].Value))
            .SelectMany(members => members.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal);

    // Bind(section) registers a change-token source over that section: its path is the key's prefix.
    private static string? SectionOf(OptionsValidationException invalid, IServiceProvider? services)
    {
        if (services is null)
        {
            return null;
        }

        try
        {
            var sourceType = typeof(IOptionsChangeTokenSource<>).MakeGenericType(invalid.OptionsType);
            return services.GetServices(sourceType).Select(source => SectionPath(source, invalid.OptionsName)).FirstOrDefault(path => path is not null);
        }
#pragma warning disable CA1031 // Only a better message is at stake: without the section, the message names the member alone.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    // The same source, as Bind(section) registered it: an instance in the app's service collection.
    private static string? SectionOf(OptionsValidationException invalid, IServiceCollection services)
    {
        var sourceType = typeof(IOptionsChangeTokenSource<>).MakeGenericType(invalid.OptionsType);
        return services.Where(service => service.ServiceType == sourceType && !service.IsKeyedService)
            .Select(service => SectionPath(service.ImplementationInstance, invalid.OptionsName))
            .FirstOrDefault(path => path is not null);
    }

    private static string? SectionPath(object? source, string optionsName)
    {
        // The options' name (Options.DefaultName unless named) is the one the change-token source serves.
        var name = source?.GetType().GetProperty(nameof(IOptionsChangeTokenSource<object>.Name))?.GetValue(source) as string;
        if (source is null || (name is not null && name != optionsName))
        {
            return null;
        }

        return source.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
            .Where(field => typeof(IConfiguration).IsAssignableFrom(field.FieldType))
            .Select(field => field.GetValue(source))
            .OfType<IConfigurationSection>()
            .FirstOrDefault()?.Path;
    }

    [GeneratedRegex("members: '(?<members>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex MembersPattern();
}
