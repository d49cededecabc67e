using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Acme.Orders.Tests;

/// <summary>
/// Tests of … (say what behaviour these tests pin down).
/// </summary>
/// <remarks>
/// Every test follows one shape: <c>[Fact(Timeout = TestTimeoutMilliseconds)]</c>, the test's
/// cancellation token passed to everything that accepts one, and real-time waits bounded by
/// <see cref="Guard"/>. For fake time, let the code under test take a <see cref="TimeProvider"/>
/// and reference Microsoft.Extensions.TimeProvider.Testing for its <c>FakeTimeProvider</c>.
/// For example:
/// <code>
/// [Fact(Timeout = TestTimeoutMilliseconds)]
/// public async Task Saves_the_order()
/// {
///     var cancellationToken = TestContext.Current.CancellationToken;
///     await orders.SaveAsync(order, cancellationToken).WaitAsync(Guard, cancellationToken);
/// }
/// </code>
/// </remarks>
public sealed class OrdersTests
{
    // xunit v3 has no project-wide timeout: every test names this constant.
    private const int TestTimeoutMilliseconds = 30_000;

    // How long a test waits, in real time, for something that should happen almost at once.
    // Shorter than the timeout, so that the failure says what never happened.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact(Timeout = TestTimeoutMilliseconds)]
    public async Task Work_started_on_another_thread_delivers_its_result()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        // Stands in for the code under test: work that completes on another thread.
        var work = Task.Run(() => 6 * 7, cancellationToken);

        Assert.Equal(42, await work.WaitAsync(Guard, cancellationToken));
    }
}
