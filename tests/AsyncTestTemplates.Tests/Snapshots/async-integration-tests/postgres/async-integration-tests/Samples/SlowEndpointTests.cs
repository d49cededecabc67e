using System.Net;
using Acme.Api.IntegrationTests.Samples.CodeUnderTest;

namespace Acme.Api.IntegrationTests.Samples;

/// <summary>
/// A slow endpoint, both ways: cut off by the client's per-request timeout with a message that names
/// the request (and the server stops the work), and answered once its work is done on fake time.
/// </summary>
[Collection(OrdersApiCollectionDefinition.Name)]
public sealed class SlowEndpointTests(OrdersApiFixture api) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => api.ResetAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task A_report_that_takes_too_long_is_cut_off_by_the_client_timeout()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = api.CreateClient();
        // The report takes two minutes on the app's clock, which this test never moves: without
        // the request's own limit the test would wait for its whole timeout.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/reports/daily");

        var timedOut = await Assert.ThrowsAsync<TimeoutException>(
            () => client.SendAsync(request.WithTimeout(TimeSpan.FromMilliseconds(200)), cancellationToken));

        Assert.Equal(
            "GET http://localhost/reports/daily got no response within 0.2 s (real time). The limit is the request's own (request.WithTimeout).",
            timedOut.Message);
        // The abort reached the endpoint, which stopped building the report.
        await api.WaitForLogAsync(
            log => log.Message == "Daily report abandoned: the client went away", "the app to abandon the report", cancellationToken);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task The_report_is_answered_once_its_build_time_has_passed_on_the_app_clock()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = api.CreateClient();

        var answer = client.GetAsync("/reports/daily", cancellationToken);
        // Move the clock only once the endpoint has armed its delay; earlier, the move is lost.
        await api.Time.AdvanceAsync(DailyReport.BuildTime, cancellationToken);
        using var response = await answer;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
