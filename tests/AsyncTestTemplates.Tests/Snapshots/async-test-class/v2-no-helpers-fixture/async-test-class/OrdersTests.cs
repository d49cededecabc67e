using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Acme.Orders.Tests;

/// <summary>
/// Tests of … (say what behaviour these tests pin down).
/// </summary>
/// <remarks>
/// xunit v2 has no per-test cancellation token, and its <c>Timeout</c> is only honoured with
/// parallelization off, so each test takes <see cref="CancellationToken"/>: xunit creates a new
/// instance of this class for every test, and the token is cancelled after
/// <see cref="TestTimeLimit"/>. Pass it to everything that accepts one, and bound real-time waits
/// by <see cref="Guard"/>. For fake time, let the code under test take a <see cref="TimeProvider"/>
/// and reference Microsoft.Extensions.TimeProvider.Testing for its <c>FakeTimeProvider</c>.
/// For example:
/// <code>
/// [Fact]
/// public async Task Saves_the_order()
/// {
///     await orders.SaveAsync(order, CancellationToken).WaitAsync(Guard, CancellationToken);
/// }
/// </code>
/// <para>
/// The tests of this class share one <see cref="DatabaseFixture"/> (<c>IClassFixture</c>). For a
/// collection fixture (<c>dotnet new async-fixture --scope collection</c>), put
/// <c>[Collection(nameof(DatabaseFixtureCollection))]</c> on the class instead of
/// <c>IClassFixture</c>: otherwise this class gets an instance of its own.
/// </para>
/// </remarks>
public sealed class OrdersTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private static readonly TimeSpan TestTimeLimit = TimeSpan.FromSeconds(30);

    // How long a test waits, in real time, for something that should happen almost at once.
    // Shorter than the test's limit, so that the failure says what never happened.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _timeLimit = new(TestTimeLimit);

    /// <summary>This test's token: cancelled when the test has run too long.</summary>
    private CancellationToken CancellationToken => _timeLimit.Token;

    [Fact]
    public async Task Work_started_on_another_thread_delivers_its_result()
    {
        // Stands in for the code under test: work that completes on another thread.
        var work = Task.Run(() => 6 * 7, CancellationToken);

        Assert.Equal(42, await work.WaitAsync(Guard, CancellationToken));
    }

    // Replace with tests that use what the fixture set up.
    [Fact]
    public void Shares_the_fixture() => Assert.NotNull(fixture);

    public void Dispose() => _timeLimit.Dispose();
}
