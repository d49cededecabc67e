using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using AsyncTestsNamespace.Samples.CodeUnderTest;

namespace AsyncTestsNamespace.Samples;

/// <summary>
/// A shared async fixture: a scratch folder and a running <see cref="OrderEventDispatcher"/> that
/// archives each published order as a file there. Set up once for every test of a class that
/// declares <c>IClassFixture&lt;OrderArchiveFixture&gt;</c>, torn down once after the last one.
/// </summary>
/// <remarks>
/// Teardown runs every step even when an earlier one fails, or when setup stopped half way,
/// and then reports every failure: a fixture must never leak what a failing step left behind.
/// </remarks>
public sealed class OrderArchiveFixture : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<string> _archived = Channel.CreateUnbounded<string>();
    private DirectoryInfo? _folder;
    private OrderEventDispatcher? _dispatcher;

    /// <summary>Where orders are archived.</summary>
    public DirectoryInfo Folder => _folder ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The dispatcher's loop: it ends when the fixture stops it, or when archiving fails.</summary>
    public Task Archiving { get; private set; } = Task.CompletedTask;

    public ValueTask InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("order-archive-");
        _dispatcher = new OrderEventDispatcher(ArchiveAsync);
        Archiving = _dispatcher.RunAsync(_stop.Token);
        return ValueTask.CompletedTask;
    }

    /// <summary>Hands <paramref name="order"/> to the archiving loop without waiting for it.</summary>
    public ValueTask PublishAsync(Order order, CancellationToken cancellationToken) =>
        (_dispatcher ?? throw new InvalidOperationException("The fixture is not initialized.")).PublishAsync(order, cancellationToken);

    /// <summary>Publishes <paramref name="order"/> and returns the path of its archive file once written.</summary>
    public async Task<string> ArchiveAndWaitAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        await PublishAsync(order, cancellationToken);
        return await _archived.Reader.ReadAsync(cancellationToken).AsTask()
            .WaitWithinGuardAsync($"order {order.Id} to be archived", cancellationToken);
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types",
        Justification = "Teardown must go on whatever the loop failed with; every failure is rethrown at the end.")]
    public async ValueTask DisposeAsync()
    {
        List<Exception> failures = [];

        await _stop.CancelAsync();
        try
        {
            await Archiving.WaitAsync(TestTimeouts.Guard);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Cancellation is how the loop is meant to end.
        }
        catch (Exception ex)
        {
            failures.Add(ex);
        }

        try
        {
            _folder?.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failures.Add(ex);
        }

        _stop.Dispose();
        if (failures.Count > 0)
        {
            throw new AggregateException($"{nameof(OrderArchiveFixture)} teardown failed.", failures);
        }
    }

    private async Task ArchiveAsync(Order order, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Folder.FullName, $"{order.Id}.txt");
        await File.WriteAllTextAsync(path, $"{order.Customer};{order.Total}", cancellationToken);
        await _archived.Writer.WriteAsync(path, cancellationToken);
    }
}
