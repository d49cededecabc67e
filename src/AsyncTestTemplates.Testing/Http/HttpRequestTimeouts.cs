namespace AsyncTestTemplates.Testing;

/// <summary>Per-request time limits for clients whose handler chain has a <see cref="RequestTimeoutHandler"/>.</summary>
public static class HttpRequestTimeouts
{
    /// <summary>
    /// Lets this request wait <paramref name="timeout"/> (real time) for its response instead of the
    /// client's default: <c>client.SendAsync(request.WithTimeout(TimeSpan.FromSeconds(30)), cancellationToken)</c>.
    /// </summary>
    public static HttpRequestMessage WithTimeout(this HttpRequestMessage request, TimeSpan timeout)
    {
        RequestTimeoutHandler.SetTimeout(request, timeout);
        return request;
    }
}
