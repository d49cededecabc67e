namespace AsyncTestTemplates.Testing.Tests.Library;

public sealed class RequestTimeoutHandlerTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_request_without_an_answer_fails_naming_the_request_and_its_limit()
    {
        using var client = new HttpClient(new RequestTimeoutHandler(TimeSpan.FromMilliseconds(200)) { InnerHandler = new NeverAnswers() });

        var expired = await Assert.ThrowsAsync<TimeoutException>(
            () => client.GetAsync(new Uri("http://orders.test/slow"), TestContext.Current.CancellationToken));

        Assert.StartsWith("GET http://orders.test/slow got no response within 0.2 s (real time). The limit is its client's default", expired.Message, StringComparison.Ordinal);
        Assert.Contains("AsyncTestRealTimeGuardSeconds", expired.Message, StringComparison.Ordinal);
        Assert.Contains("ASYNCTESTTEMPLATES_REAL_TIME_GUARD_SECONDS", expired.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_request_can_carry_a_limit_of_its_own()
    {
        using var client = new HttpClient(new RequestTimeoutHandler(TimeSpan.FromMinutes(5)) { InnerHandler = new NeverAnswers() });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("http://orders.test/")).WithTimeout(TimeSpan.FromMilliseconds(100));

        var expired = await Assert.ThrowsAsync<TimeoutException>(() => client.SendAsync(request, TestContext.Current.CancellationToken));

        Assert.Contains("within 0.1 s (real time). The limit is the request's own (request.WithTimeout).", expired.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => request.WithTimeout(TimeSpan.Zero));
    }

    private sealed class NeverAnswers : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
