using Microsoft.Extensions.Http;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// Records an HTTP call through <c>IHttpClientFactory</c> as the first activity of the services that
/// made it, once it has an outcome: the callers are taken when the call starts (their code is on
/// the stack then), the record is made when it ends. (HttpClient's own "Start processing" log line
/// would claim the call before it was refused, and a report made in between would miss the refusal.)
/// </summary>
internal sealed class HttpCallProbe(ServiceActivityProbe probe) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        builder.AdditionalHandlers.Insert(0, new ProbingHandler(probe));
    };

    private sealed class ProbingHandler(ServiceActivityProbe probe) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var callers = probe.IsWatching ? probe.ServiceTypesOnStack() : [];
            var call = $"{request.Method} {request.RequestUri}";
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                Record($"made an HTTP call ({call}, answered {(int)response.StatusCode})");
                return response;
            }
            catch (Exception ex)
            {
                // A refused call was recorded as such where it was refused, first.
                Record($"made an HTTP call ({call}, failed: {ex.GetType().Name})");
                throw;
            }

            void Record(string activity)
            {
                foreach (var caller in callers)
                {
                    probe.Record(caller, activity);
                }
            }
        }
    }
}
