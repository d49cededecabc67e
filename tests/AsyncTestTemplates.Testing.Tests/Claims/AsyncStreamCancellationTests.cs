using System.Runtime.CompilerServices;

// The token goes in through WithCancellation, not as the iterator's argument: that path is what is shown here.
#pragma warning disable xUnit1051

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs docs/async-testing-guide.md § 16 "Async streams and their cancellation": the token given to
/// <c>WithCancellation</c> reaches an async iterator only through its parameter marked
/// <see cref="EnumeratorCancellationAttribute"/>; without the attribute the iterator never sees it and
/// goes on producing after the consumer's token was cancelled.
/// </summary>
[Trait(GuideSection.Trait, GuideSection.AsyncStreams)]
public sealed class AsyncStreamCancellationTests
{
    [Fact(Timeout = 10_000)]
    public async Task A_producer_with_EnumeratorCancellation_is_handed_the_token_of_WithCancellation()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var seen = new List<int>();

        var thrown = await Record.ExceptionAsync(async () =>
        {
            await foreach (var order in MarkedOrdersAsync().WithCancellation(stop.Token))
            {
                seen.Add(order);
                await stop.CancelAsync();
            }
        });

        Assert.IsType<OperationCanceledException>(thrown, exactMatch: false);
        Assert.Equal([1], seen);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_producer_without_it_never_sees_the_token_of_WithCancellation()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var seen = new List<int>();

        await foreach (var order in UnmarkedOrdersAsync().WithCancellation(stop.Token))
        {
            seen.Add(order);
            await stop.CancelAsync();
        }

        Assert.Equal([1, 2, 3], seen);
    }

    private static async IAsyncEnumerable<int> MarkedOrdersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var order = 1; order <= 3; order++)
        {
            await Task.Delay(TimeSpan.Zero, TimeProvider.System, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            yield return order;
        }
    }

#pragma warning disable CS8425 // The missing [EnumeratorCancellation] is the point of this producer.
    private static async IAsyncEnumerable<int> UnmarkedOrdersAsync(CancellationToken cancellationToken = default)
#pragma warning restore CS8425
    {
        for (var order = 1; order <= 3; order++)
        {
            await Task.Delay(TimeSpan.Zero, TimeProvider.System, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            yield return order;
        }
    }
}
