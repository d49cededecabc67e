using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsyncTestTemplates.Testing;

/// <summary>How <see cref="ProjectHost"/> starts the project under test.</summary>
public sealed class ProjectHostOptions
{
    /// <summary>
    /// The environment the app runs in: Development by default, as <c>WebApplicationFactory</c>'s,
    /// so that appsettings.Development.json applies. Passed as <c>--environment</c>.
    /// </summary>
    public string EnvironmentName { get; set; } = Environments.Development;

    /// <summary>
    /// Where the app reads its settings files from. Null: the project under test's own folder when the
    /// test assembly names it (assembly metadata <c>ProjectUnderTestDirectory</c>, which the generated
    /// project file writes), else the test's output folder. Passed as <c>--contentRoot</c>.
    /// </summary>
    public string? ContentRoot { get; set; }

    /// <summary>
    /// Settings the app gets in the test, over its own settings files: the place for the settings it
    /// requires or validates at start (<c>ValidateOnStart</c>, <c>ValidateDataAnnotations</c>), keyed
    /// as in configuration, e.g. <c>Settings["Payments:ApiKey"] = "test-key"</c>. Passed as command-line
    /// arguments (so Program.cs sees them before it builds its host) and added last to the host's configuration.
    /// </summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>More command-line arguments for the entry point, after <c>--environment</c> and <c>--contentRoot</c>.</summary>
    public IList<string> Arguments { get; } = [];

    /// <summary>
    /// Registers test doubles after the app's own registrations and the harness's, as
    /// <c>ConfigureTestServices</c> does for a web app: what cannot work in a test (a real HTTP API,
    /// a broker, a payment service) is replaced here.
    /// </summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; set; }

    /// <summary>
    /// False (the default): HTTP calls through <c>IHttpClientFactory</c> that would reach the real
    /// network fail with a message naming the call and this hook. True lets them through.
    /// </summary>
    public bool AllowOutboundHttp { get; set; }

    /// <summary>
    /// How much simulated time <see cref="ProjectHost.RunObservationWindowAsync"/> moves the clock,
    /// timer by timer (ten minutes by default).
    /// </summary>
    public TimeSpan ObservationWindow { get; set; } = TimeSpan.FromMinutes(10);
}
