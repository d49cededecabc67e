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
    public ConcurrentQueue<RefusedCall> Refused { get; } = new();

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.PrimaryHandler is HttpClientHandler or SocketsHttpHandler)
        {
            builder.PrimaryHandler = new RefusingHandler(this, builder.Name);
        }
    };

    /// <summary>
    /// The services that made each refused call: those on the stack when it was refused, and those
    /// its exception has passed through since (after an await, a delegating handler or a resilience
    /// pipeline, the calling service is no longer on the stack that refuses the call). Each is
    /// recorded as having made the call, if nothing else was seen of it first.
    /// </summary>
    public IReadOnlyList<string> Describe(IReadOnlySet<Exception> except)
    {
        List<string> descriptions = [];
        foreach (var call in Refused)
        {
            var callers = call.CallersAtRefusal.Union(_probe.ServiceTypesIn(call.Exception)).ToList();
            foreach (var caller in callers)
            {
                _probe.Record(caller, call.Activity);
            }

            if (!except.Contains(call.Exception))
            {
                descriptions.Add(call.Describe(callers));
            }
        }

        return [.. descriptions.Distinct()];
    }

    /// <summary>A refused call, and the exception the caller got.</summary>
    internal sealed record RefusedCall(string Request, string? ClientName, IReadOnlyList<Type> CallersAtRefusal, Exception Exception)
    {
        public string Activity => $"made an HTTP call ({Request}, refused)";

        public string Describe(IReadOnlyCollection<Type> callers) =>
            $"Outbound HTTP refused in a test: {Request} through " +
            (string.IsNullOrEmpty(ClientName) ? "the default HttpClient" : $"HttpClient '{ClientName}'") +
            (callers.Count == 0 ? "" : $", called by {string.Join(", ", callers.Select(type => type.FullName))}") + ". " +
            "A test must not depend on a real service. Replace the dependency in ProjectHostOptions.ConfigureTestServices, " +
            $"e.g. services.AddHttpClient(\"{ClientName}\").ConfigurePrimaryHttpMessageHandler(() => new YourFakeHandler()) " +
            "(a typed client: services.AddHttpClient<TClient>()...), or replace the service that calls it; " +
            "ProjectHostOptions.AllowOutboundHttp = true lets it through.";
    }

    private sealed class RefusingHandler(OutboundHttpRefusal refusal, string? clientName) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var callers = refusal._probe.ServiceTypesOnStack();
            var requestText = $"{request.Method} {request.RequestUri}";
            var exception = new InvalidOperationException(new RefusedCall(requestText, clientName, callers, new InvalidOperationException()).Describe(callers));
            var call = new RefusedCall(requestText, clientName, callers, exception);
            refusal.Refused.Enqueue(call);
            foreach (var caller in callers)
            {
                refusal._probe.Record(caller, call.Activity);
            }

            throw exception;
        }
    }
}
