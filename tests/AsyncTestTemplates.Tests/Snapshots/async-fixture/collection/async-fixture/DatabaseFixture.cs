// Written with nullable annotations, whatever the project's Nullable setting.
#nullable enable

using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Acme.Orders.Tests;

/// <summary>
/// An async fixture shared by every test class in the collection <see cref="DatabaseFixtureCollection"/>:
/// set up once before the first of their tests, torn down once after the last. Classes in one
/// collection do not run in parallel with each other.
/// </summary>
/// <example>
/// <code>
/// [Collection(nameof(DatabaseFixtureCollection))]
/// public sealed class OrdersTests(DatabaseFixture fixture)
/// {
///     [Fact(Timeout = TestTimeouts.Default)]
///     public async Task Writes_into_the_shared_workspace()
///     {
///         var cancellationToken = TestContext.Current.CancellationToken;
///         await File.WriteAllTextAsync(Path.Combine(fixture.Workspace.FullName, "a.txt"), "a", cancellationToken);
///     }
/// }
/// </code>
/// </example>
/// <remarks>
/// Setup is bounded, so a dependency that never answers fails the tests with a message instead of
/// hanging the run. Teardown runs every step even when setup stopped half way or an earlier step
/// fails, and then reports every failure: a fixture must never leak what it started.
/// </remarks>
public sealed class DatabaseFixture : IAsyncLifetime
{
    // Cancelled by teardown: stops whatever setup started in the background.
    private readonly CancellationTokenSource _stopping = new();
    private DirectoryInfo? _workspace;

    /// <summary>A scratch folder of this fixture's own. Replace it with what your tests share.</summary>
    public DirectoryInfo Workspace => _workspace ?? throw new InvalidOperationException($"{nameof(DatabaseFixture)} is not initialized.");

    /// <summary>
    /// Work that setup started and that runs until teardown (a server loop, a message pump).
    /// Teardown cancels it and waits for it, so a failure there is reported, not lost.
    /// </summary>
    public Task Background { get; private set; } = Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        // The run's token (cancelled when the run is aborted), bounded by a limit of its own.
        using var setup = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        setup.CancelAfter(TimeSpan.FromMilliseconds(TestTimeouts.Default));

        // Record each resource as soon as it exists: teardown releases whatever setup got to.
        _workspace = Directory.CreateTempSubdirectory("DatabaseFixture-");

        // Replace with the real setup: start a server, open a connection, seed data. Pass setup.Token
        // to every call that takes one; start long-running work with _stopping.Token and assign it
        // to Background.
        await File.WriteAllTextAsync(Path.Combine(_workspace.FullName, "ready"), "", setup.Token);
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types",
        Justification = "Teardown must go on whatever the background work failed with; every failure is rethrown at the end.")]
    public async ValueTask DisposeAsync()
    {
        List<Exception> failures = [];

        // Teardown does not take the run's token: it may be cancelled already, and cleanup must still happen.
        await _stopping.CancelAsync();
        try
        {
            await Background.WaitAsync(TestTimeouts.Guard);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Cancellation is how background work is meant to end.
        }
        catch (Exception ex)
        {
            failures.Add(ex);
        }

        try
        {
            // Null when setup stopped before creating it.
            _workspace?.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failures.Add(ex);
        }

        _stopping.Dispose();
        if (failures.Count > 0)
        {
            throw new AggregateException($"{nameof(DatabaseFixture)} teardown failed.", failures);
        }
    }
}
