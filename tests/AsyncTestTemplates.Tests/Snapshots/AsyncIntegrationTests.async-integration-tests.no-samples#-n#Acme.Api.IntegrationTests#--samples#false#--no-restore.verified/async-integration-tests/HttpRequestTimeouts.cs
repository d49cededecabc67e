namespace Acme.Api.IntegrationTests;

/// <summary>Per-request time limits for clients made by <see cref="AppFixture.CreateClient"/>.</summary>
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
