using Xunit.Sdk;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs docs/async-testing-guide.md § 12 "Asserting cancellation": a cancelled <c>Task.Delay</c> and a
/// cancelled <see cref="HttpClient"/> request throw <see cref="TaskCanceledException"/>, a type derived
/// from <see cref="OperationCanceledException"/>. <c>Assert.ThrowsAsync&lt;OperationCanceledException&gt;</c>
/// wants that exact type and fails; <c>Assert.ThrowsAnyAsync&lt;OperationCanceledException&gt;</c> passes.
/// </summary>
[Trait(GuideSection.Trait, GuideSection.Cancellation)]
public sealed class CancellationAssertionTests
{
    [Fact(Timeout = 10_000)]
    public async Task A_cancelled_delay_throws_the_derived_TaskCanceledException()
    {
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await cancelled.CancelAsync();

        var thrown = await Record.ExceptionAsync(() => Task.Delay(TimeSpan.FromHours(1), TimeProvider.System, cancelled.Token));

        Assert.IsType<TaskCanceledException>(thrown);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_cancelled_HttpClient_request_throws_the_derived_TaskCanceledException()
    {
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var client = new HttpClient(new NeverAnsweringHandler()) { BaseAddress = new Uri("http://orders.test/") };
        var request = client.GetAsync(new Uri("orders/42", UriKind.Relative), cancelled.Token);

        await cancelled.CancelAsync();

        Assert.IsType<TaskCanceledException>(await Record.ExceptionAsync(() => request));
    }

    [Fact(Timeout = 10_000)]
    public async Task ThrowsAsync_of_OperationCanceledException_fails_on_a_cancelled_delay()
    {
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await cancelled.CancelAsync();

        var failure = await Assert.ThrowsAsync<ThrowsException>(
            () => Assert.ThrowsAsync<OperationCanceledException>(() => Task.Delay(TimeSpan.FromHours(1), TimeProvider.System, cancelled.Token)));

        Assert.Contains(typeof(TaskCanceledException).FullName!, failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task ThrowsAnyAsync_of_OperationCanceledException_passes_on_a_cancelled_delay()
    {
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await cancelled.CancelAsync();

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(TimeSpan.FromHours(1), TimeProvider.System, cancelled.Token));

        Assert.Equal(cancelled.Token, thrown.CancellationToken);
    }

    /// <summary>A server that never answers: the request ends only by cancellation.</summary>
    private sealed class NeverAnsweringHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
            throw new InvalidOperationException("Unreachable: an infinite delay ends only by cancellation.");
        }
    }
}
