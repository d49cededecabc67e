// Written with nullable annotations, whatever the project's Nullable setting.
#nullable enable

using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
//#if (ScopeAssembly)

// One instance for the whole test assembly: set up before the first test runs, torn down after
// the last. Test classes take it in their constructor; they need no interface.
[assembly: AssemblyFixture(typeof(AsyncTestsNamespace.AsyncFixtureType))]
//#endif

namespace AsyncTestsNamespace;

/// <summary>
//#if (ScopeClass)
/// An async fixture shared by the tests of each class that declares
/// <c>IClassFixture&lt;AsyncFixtureType&gt;</c>: set up once before the first of them, torn down once
/// after the last.
//#elseif (ScopeCollection)
/// An async fixture shared by every test class in the collection <see cref="AsyncFixtureTypeCollection"/>:
/// set up once before the first of their tests, torn down once after the last. Classes in one
/// collection do not run in parallel with each other.
//#else
/// An async fixture shared by every test of this assembly (see the <c>AssemblyFixture</c> attribute
/// at the top of this file): set up once before the first test runs, torn down once after the last.
//#endif
/// </summary>
/// <example>
/// <code>
//#if (ScopeClass)
/// public sealed class OrdersTests(AsyncFixtureType fixture) : IClassFixture&lt;AsyncFixtureType&gt;
//#elseif (ScopeCollection)
/// [Collection(nameof(AsyncFixtureTypeCollection))]
/// public sealed class OrdersTests(AsyncFixtureType fixture)
//#else
/// public sealed class OrdersTests(AsyncFixtureType fixture)
//#endif
/// {
//#if (XunitV3 && helpers)
///     [Fact(Timeout = TestTimeouts.Default)]
//#else
///     [Fact]
//#endif
///     public async Task Writes_into_the_shared_workspace()
///     {
//#if (XunitV3)
///         var cancellationToken = TestContext.Current.CancellationToken;
///         await File.WriteAllTextAsync(Path.Combine(fixture.Workspace.FullName, "a.txt"), "a", cancellationToken);
//#else
///         await File.WriteAllTextAsync(Path.Combine(fixture.Workspace.FullName, "a.txt"), "a");
//#endif
///     }
/// }
/// </code>
/// </example>
/// <remarks>
/// Setup is bounded, so a dependency that never answers fails the tests with a message instead of
/// hanging the run. Teardown runs every step even when setup stopped half way or an earlier step
/// fails, and then reports every failure: a fixture must never leak what it started.
/// </remarks>
//#if (XunitV3)
public sealed class AsyncFixtureType : IAsyncLifetime
//#else
public sealed class AsyncFixtureType : IAsyncLifetime, IDisposable
//#endif
{
//#if (!helpers)
    // How long setup may take, and how long teardown waits for background work to stop.
    // Real time on purpose: nobody advances a fake clock while a fixture is stuck.
    private static readonly TimeSpan SetupLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TeardownLimit = TimeSpan.FromSeconds(10);

//#endif
    // Cancelled by teardown: stops whatever setup started in the background.
    private readonly CancellationTokenSource _stopping = new();
    private DirectoryInfo? _workspace;

    /// <summary>A scratch folder of this fixture's own. Replace it with what your tests share.</summary>
    public DirectoryInfo Workspace => _workspace ?? throw new InvalidOperationException($"{nameof(AsyncFixtureType)} is not initialized.");

    /// <summary>
    /// Work that setup started and that runs until teardown (a server loop, a message pump).
    /// Teardown cancels it and waits for it, so a failure there is reported, not lost.
    /// </summary>
    public Task Background { get; private set; } = Task.CompletedTask;

//#if (XunitV3)
    public async ValueTask InitializeAsync()
    {
        // The run's token (cancelled when the run is aborted), bounded by a limit of its own.
        using var setup = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
//#else
    public async Task InitializeAsync()
    {
        // xunit v2 gives fixtures no token: the limit is the only bound.
        using var setup = new CancellationTokenSource();
//#endif
//#if (helpers)
        setup.CancelAfter(TimeSpan.FromMilliseconds(TestTimeouts.Default));
//#else
        setup.CancelAfter(SetupLimit);
//#endif

        // Record each resource as soon as it exists: teardown releases whatever setup got to.
        _workspace = Directory.CreateTempSubdirectory("AsyncFixtureType-");

        // Replace with the real setup: start a server, open a connection, seed data. Pass setup.Token
        // to every call that takes one; start long-running work with _stopping.Token and assign it
        // to Background.
        await File.WriteAllTextAsync(Path.Combine(_workspace.FullName, "ready"), "", setup.Token);
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types",
        Justification = "Teardown must go on whatever the background work failed with; every failure is rethrown at the end.")]
//#if (XunitV3)
    public async ValueTask DisposeAsync()
//#else
    public async Task DisposeAsync()
//#endif
    {
        List<Exception> failures = [];

        // Teardown does not take the run's token: it may be cancelled already, and cleanup must still happen.
        await _stopping.CancelAsync();
        try
        {
//#if (helpers)
            await Background.WaitAsync(TestTimeouts.Guard);
//#else
            await Background.WaitAsync(TeardownLimit);
//#endif
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

//#if (XunitV3)
        _stopping.Dispose();
//#endif
        if (failures.Count > 0)
        {
            throw new AggregateException($"{nameof(AsyncFixtureType)} teardown failed.", failures);
        }
    }
//#if (!XunitV3)

    /// <summary>xunit v2 calls it after <see cref="DisposeAsync"/>, even when that failed.</summary>
    public void Dispose() => _stopping.Dispose();
//#endif
}
