using System.Collections.Concurrent;
using Microsoft.Extensions.Http;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// Refuses the HTTP calls the project under test makes through <c>IHttpClientFactory</c> to the real
/// network: a test must not depend on a real service. A client whose primary handler the test has
/// replaced (by <c>ConfigurePrimaryHttpMessageHandler</c> in the test-services hook) keeps it.
/// </summary>
internal sealed class OutboundHttpRefusal(ServiceActivityProbe probe) : IHttpMessageHandlerBuilderFilter
{
    private readonly ServiceActivityProbe _probe = probe;

    /// <summary>Every refused call, also when the app caught the exception and carried on.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.PrimaryHandler is HttpClientHandler or SocketsHttpHandler)
        {
            builder.PrimaryHandler = new RefusingHandler(this, builder.Name);
        }
    };

    private sealed class RefusingHandler(OutboundHttpRefusal refusal, string? clientName) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var callers = refusal.ServiceNames();
            var client = string.IsNullOrEmpty(clientName) ? "the default HttpClient" : $"HttpClient '{clientName}'";
            var message =
                $"Outbound HTTP refused in a test: {request.Method} {request.RequestUri} through {client}" +
                (callers.Length == 0 ? "" : $", called by {callers}") + ". " +
                "A test must not depend on a real service. Replace the dependency in ProjectHostOptions.ConfigureTestServices, " +
                $"e.g. services.AddHttpClient(\"{clientName}\").ConfigurePrimaryHttpMessageHandler(() => new YourFakeHandler()) " +
                "(a typed client: services.AddHttpClient<TClient>()...), or replace the service that calls it; " +
                "ProjectHostOptions.AllowOutboundHttp = true lets it through.";
            refusal.Refused.Enqueue(message);
            refusal._probe.OnActivityFromStack($"made an HTTP call ({request.Method} {request.RequestUri}, refused)");
            throw new InvalidOperationException(message);
        }
    }

    private string ServiceNames() => string.Join(", ", _probe.ServiceTypesOnStack().Select(type => type.FullName));
}
