using System.Threading.Channels;
using AsyncTestsNamespace.Samples.CodeUnderTest;

namespace AsyncTestsNamespace.Samples;

/// <summary>
/// Event-driven code: the test awaits the handler's own signal instead of sleeping "long enough".
/// The dispatcher's loop is started before each test and cancelled and awaited after it.
/// </summary>
public sealed class OrderEventDispatcherTests : IAsyncLifetime
{
    private readonly Channel<Order> _handled = Channel.CreateUnbounded<Order>();
    private readonly CancellationTokenSource _stop = new();
    private readonly OrderEventDispatcher _dispatcher;
    private Task _running = Task.CompletedTask;

    public OrderEventDispatcherTests() =>
        _dispatcher = new OrderEventDispatcher((order, cancellationToken) => _handled.Writer.WriteAsync(order, cancellationToken).AsTask());

    public ValueTask InitializeAsync()
    {
        _running = _dispatcher.RunAsync(_stop.Token);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        // A loop left running would outlive this test and could touch the next one. Stop it, then
        // wait for it, bounded: cancellation is its normal end; any other exception fails the test.
        // No test token here: it may already be cancelled when teardown runs.
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TestTimeouts.Guard);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            _stop.Dispose();
        }
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task A_published_order_reaches_the_handler()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var order = new Order("7", "ada", 12m, DateTimeOffset.UnixEpoch);

        await _dispatcher.PublishAsync(order, cancellationToken);

        var handled = await _handled.Reader.ReadAsync(cancellationToken).AsTask()
            .WaitWithinGuardAsync("the handler to receive order 7", cancellationToken);
        Assert.Same(order, handled);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Orders_are_handled_in_the_order_they_were_published()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        string[] ids = ["1", "2", "3", "4", "5"];
        foreach (var id in ids)
        {
            await _dispatcher.PublishAsync(new Order(id, "ada", 1m, DateTimeOffset.UnixEpoch), cancellationToken);
        }

        // No guard of its own: should an event be lost, ReadAsync would wait forever, until the
        // per-test timeout fails the test and cancels the token, which ends the wait.
        var handledIds = new List<string>();
        while (handledIds.Count < ids.Length)
        {
            handledIds.Add((await _handled.Reader.ReadAsync(cancellationToken)).Id);
        }

        Assert.Equal(ids, handledIds);
    }
}
