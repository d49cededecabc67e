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
    public static string? Describe(Exception? exception, IServiceProvider? services, bool withFailures = true)
    {
        if (Find(exception) is not { } invalid)
        {
            return null;
        }

        var section = SectionOf(invalid, services);
        var keys = MembersOf(invalid).Select(member => section is null ? member : $"{section}:{member}").ToList();
        var named = keys.Count == 0 ? $"a setting of {invalid.OptionsType.Name}" : $"the setting{(keys.Count == 1 ? "" : "s")} {string.Join(", ", keys)}";
        return $"The app requires {named}, which the test did not give it" +
            (withFailures ? $" ({invalid.OptionsType.Name}: {string.Join(" ", invalid.Failures)}). " : ". ") +
            $"Give {(keys.Count == 1 ? "it" : "them")} in {Place}" +
            (section is null ? $"; the key is the configuration section the app binds to {invalid.OptionsType.Name}, a colon, and the member." : ".");
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
            foreach (var source in services.GetServices(sourceType).OfType<object>())
            {
                if (source is IOptionsChangeTokenSource<object> { } named && named.Name != invalid.OptionsName)
                {
                    continue;
                }

                var configuration = source.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
                    .Where(field => typeof(IConfiguration).IsAssignableFrom(field.FieldType))
                    .Select(field => field.GetValue(source))
                    .OfType<IConfigurationSection>()
                    .FirstOrDefault();
                if (configuration is not null)
                {
                    return configuration.Path;
                }
            }
        }
#pragma warning disable CA1031 // Only a better message is at stake: without the section, the message names the member alone.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return null;
    }

    [GeneratedRegex("members: '(?<members>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex MembersPattern();
}
