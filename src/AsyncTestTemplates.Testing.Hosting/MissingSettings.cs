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
            var configureType = typeof(IConfigureOptions<>).MakeGenericType(invalid.OptionsType);
            return services.GetServices(sourceType).Select(source => SectionPath(source, invalid.OptionsName)).FirstOrDefault(path => path is not null)
                ?? services.GetServices(configureType).Select(configure => SectionBoundBy(configure, invalid)).FirstOrDefault(path => path is not null);
        }
#pragma warning disable CA1031 // Only a better message is at stake: without the section, the message names the member alone.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    // The same source, as Bind(section) registered it: an instance in the app's service collection. Or,
    // for BindConfiguration(path), the configure step it registered as a factory, made with a configuration
    // that records the path.
    private static string? SectionOf(OptionsValidationException invalid, IServiceCollection services)
    {
        var sourceType = typeof(IOptionsChangeTokenSource<>).MakeGenericType(invalid.OptionsType);
        var configureType = typeof(IConfigureOptions<>).MakeGenericType(invalid.OptionsType);
        return services.Where(service => service.ServiceType == sourceType && !service.IsKeyedService)
            .Select(service => SectionPath(service.ImplementationInstance, invalid.OptionsName))
            .FirstOrDefault(path => path is not null)
            ?? services.Where(service => service.ServiceType == configureType && !service.IsKeyedService)
                .Select(service => SectionBoundBy(service.ImplementationInstance ?? MadeWithRecorder(service.ImplementationFactory), invalid))
                .FirstOrDefault(path => path is not null);
    }

    // BindConfiguration(path) configures the options with a ConfigureNamedOptions<TOptions, IConfiguration>
    // whose action binds configuration.GetSection(path) (its change-token source watches the whole
    // configuration, so it names no section): run that action on a new options object, against a
    // configuration that records the section it asks for.
    private static string? SectionBoundBy(object? configure, OptionsValidationException invalid)
    {
        var type = configure?.GetType();
        if (type is not { IsGenericType: true } || type.GetGenericTypeDefinition() != typeof(ConfigureNamedOptions<,>)
            || type.GetGenericArguments()[1] != typeof(IConfiguration)
            || type.GetProperty(nameof(ConfigureNamedOptions<object, IConfiguration>.Name))?.GetValue(configure) is string name && name != invalid.OptionsName
            || type.GetProperty(nameof(ConfigureNamedOptions<object, IConfiguration>.Action))?.GetValue(configure) is not Delegate action)
        {
            return null;
        }

        try
        {
            var recorder = new SectionRecorder();
            action.DynamicInvoke(Activator.CreateInstance(invalid.OptionsType), recorder);
            return recorder.Section;
        }
#pragma warning disable CA1031 // Only a better message is at stake (an options type without a parameterless constructor, an action that needs real settings).
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    // The configure step a factory makes, given a configuration that records the section asked for.
    private static object? MadeWithRecorder(Func<IServiceProvider, object>? factory)
    {
        try
        {
            return factory?.Invoke(new RecorderOnlyServices());
        }
#pragma warning disable CA1031 // A factory that needs other services makes no configure step to read.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
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

    // A configuration with nothing in it that remembers the first section asked for.
    private sealed class SectionRecorder : IConfiguration
    {
        private readonly IConfigurationRoot _empty = new ConfigurationBuilder().Build();

        public string? Section { get; private set; }

        public string? this[string key]
        {
            get => null;
            set { }
        }

        public IConfigurationSection GetSection(string key)
        {
            Section ??= key;
            return _empty.GetSection(key);
        }

        public IEnumerable<IConfigurationSection> GetChildren() => [];

        public Microsoft.Extensions.Primitives.IChangeToken GetReloadToken() => _empty.GetReloadToken();
    }

    // The services a configure step's factory gets: the recording configuration, and nothing else.
    private sealed class RecorderOnlyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(IConfiguration) ? new SectionRecorder() : null;
    }
}
