using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncTestTemplates.Testing.Tests.Library;

public sealed class WebAppFixtureTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_app_runs_on_the_fixture_s_clock_and_logs_into_its_collector_and_the_test_s_output()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var fixture = new OrdersFixture();
        await fixture.InitializeAsync();
        await fixture.ResetAsync(cancellationToken);
        fixture.Time.Advance(TimeSpan.FromHours(3));
        using var client = fixture.CreateClient();

        var now = await client.GetFromJsonAsync<DateTimeOffset>(new Uri("/now", UriKind.Relative), cancellationToken);

        Assert.Equal(fixture.Time.GetUtcNow(), now);
        Assert.Same(fixture.Time, fixture.Services.GetRequiredService<TimeProvider>());
        Assert.Contains(fixture.Logs.GetSnapshot(), record => record.Message == "asked the time");
        // The framework's own information records are left out; the app's are kept.
        Assert.DoesNotContain(fixture.Logs.GetSnapshot(), record => record.Category?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true && record.Level < LogLevel.Warning);
    }

    [Fact(Timeout = 60_000)]
    public async Task WaitForLogAsync_returns_a_record_the_app_writes_after_its_response()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var fixture = new OrdersFixture();
        await fixture.InitializeAsync();
        await fixture.ResetAsync(cancellationToken);
        using var client = fixture.CreateClient();

        using var accepted = await client.PostAsync(new Uri("/orders", UriKind.Relative), content: null, cancellationToken);
        fixture.Release.SetResult();
        var record = await fixture.WaitForLogAsync(log => log.Message == "order confirmed", "the order to be confirmed", cancellationToken);

        Assert.Equal(StatusCodes.Status202Accepted, (int)accepted.StatusCode);
        Assert.Equal("order confirmed", record.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_record_that_never_comes_fails_the_wait_naming_what_was_awaited_and_the_guard()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var fixture = new OrdersFixture();
        await fixture.InitializeAsync();
        await fixture.ResetAsync(cancellationToken);

        var expired = await Assert.ThrowsAsync<TimeoutException>(
            () => fixture.WaitForLogAsync(log => log.Message == "never", "a record nobody writes", cancellationToken));

        Assert.Contains("a record nobody writes", expired.Message, StringComparison.Ordinal);
        Assert.Contains("AsyncTestRealTimeGuardSeconds", expired.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_request_the_app_never_answers_fails_within_its_limit_naming_the_request()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var fixture = new OrdersFixture();
        await fixture.InitializeAsync();
        await fixture.ResetAsync(cancellationToken);
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/stuck", UriKind.Relative)).WithTimeout(TimeSpan.FromMilliseconds(200));

        var expired = await Assert.ThrowsAsync<TimeoutException>(() => client.SendAsync(request, cancellationToken));

        Assert.Contains("GET http://localhost/stuck got no response within 0.2 s (real time)", expired.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dependency_that_never_starts_fails_the_start_within_the_limit_and_is_torn_down()
    {
        var fixture = new StuckDependencyFixture();

        var expired = await Assert.ThrowsAsync<TimeoutException>(() => fixture.InitializeAsync().AsTask().WaitAsync(TestContext.Current.CancellationToken));

        Assert.Equal("StuckDependencyFixture could not start what the app depends on within 0.2 s (real time). The limit is its StartStopLimit.", expired.Message);
        Assert.True(fixture.Stopped, "the dependency started before the failure was not stopped");
        Assert.False(fixture.AppStarted);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_setting_the_app_validates_at_start_is_named_with_the_place_to_give_it()
    {
        var fixture = new MissingSettingFixture();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.InitializeAsync().AsTask().WaitAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Payments:ApiKey", refused.Message, StringComparison.Ordinal);
        Assert.Contains("the Settings of MissingSettingFixture (MissingSettingFixture.cs)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_before_the_start_say_the_fixture_has_not_started()
    {
        var fixture = new OrdersFixture();

        var notStarted = Assert.Throws<InvalidOperationException>(() => fixture.Services);

        Assert.StartsWith("OrdersFixture has not started", notStarted.Message, StringComparison.Ordinal);
    }

    private sealed class OrdersFixture : WebAppFixture
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override Task<TestServer> StartAppAsync(CancellationToken cancellationToken) =>
            StartWebApplicationAsync(
                builder => builder.Services.AddSingleton(this),
                app =>
                {
                    app.MapGet("/now", (TimeProvider time, ILogger<OrdersFixture> log) =>
                    {
                        log.LogInformation("asked the time");
                        return time.GetUtcNow();
                    });
                    app.MapPost("/orders", (ILogger<OrdersFixture> log) =>
                    {
                        // Work the app finishes on its own, after its response.
                        _ = ConfirmLaterAsync(log);
                        return TypedResults.Accepted("/orders/1");
                    });
                    app.MapGet("/stuck", async (CancellationToken requestAborted) =>
                    {
                        await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, requestAborted);
                        return TypedResults.Ok();
                    });
                },
                cancellationToken);

        private async Task ConfirmLaterAsync(ILogger log)
        {
            await Release.Task;
            log.LogInformation("order confirmed");
        }
    }

    private sealed class StuckDependencyFixture : WebAppFixture
    {
        public bool Stopped { get; private set; }

        public bool AppStarted { get; private set; }

        protected override TimeSpan StartStopLimit => TimeSpan.FromMilliseconds(200);

        protected override async ValueTask StartDependenciesAsync(CancellationToken cancellationToken) =>
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);

        protected override ValueTask StopDependenciesAsync()
        {
            Stopped = true;
            return ValueTask.CompletedTask;
        }

        protected override Task<TestServer> StartAppAsync(CancellationToken cancellationToken)
        {
            AppStarted = true;
            throw new InvalidOperationException("unreachable");
        }
    }

    private sealed class MissingSettingFixture : WebAppFixture
    {
        protected override Task<TestServer> StartAppAsync(CancellationToken cancellationToken) =>
            StartWebApplicationAsync(
                builder => builder.Services.AddOptions<PaymentsOptions>().Bind(builder.Configuration.GetSection("Payments")).ValidateDataAnnotations().ValidateOnStart(),
                _ => { },
                cancellationToken);
    }

    private sealed class PaymentsOptions
    {
        [System.ComponentModel.DataAnnotations.Required]
        public string? ApiKey { get; set; }
    }
}
