namespace AsyncTestTemplates.Testing;

/// <summary>
/// Bounds every request a test sends, in real time: an endpoint that never answers fails the test
/// with a message that names the request, instead of using up the whole per-test timeout.
/// </summary>
/// <remarks>
/// The bound covers the wait for the response headers. Read a response body with the test's
/// cancellation token (<c>ReadFromJsonAsync(cancellationToken)</c>, a stream read): the per-test
/// timeout bounds that. Real time on purpose: nobody advances a fake clock while a request hangs.
/// </remarks>
public sealed class RequestTimeoutHandler(TimeSpan defaultTimeout) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<TimeSpan> TimeoutOption = new("AsyncTestTemplates.Testing.RequestTimeout");

    /// <summary>Gives <paramref name="request"/> a time limit of its own instead of the client's default.</summary>
    public static void SetTimeout(HttpRequestMessage request, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        request.Options.Set(TimeoutOption, timeout);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hasOwn = request.Options.TryGetValue(TimeoutOption, out var own);
        var timeout = hasOwn ? own : defaultTimeout;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            return await base.SendAsync(request, bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Cancelling the request also aborts it on the server (HttpContext.RequestAborted).
            throw new TimeoutException(
                $"{request.Method} {request.RequestUri} got no response within {timeout.TotalSeconds:0.###} s (real time). " +
                (hasOwn
                    ? "The limit is the request's own (request.WithTimeout)."
                    : "The limit is its client's default (the RequestTimeoutHandler's; in a generated integration fixture TestTimeouts.Guard, which is " +
                      $"{Budgets.GuardKnob}); one request can have its own with request.WithTimeout(…)."),
                ex);
        }
    }
}
