using System;
using System.Threading;
using System.Threading.Tasks;
//#if (XunitV3 && helpers)
using AsyncTestTemplates.Testing;
//#endif
using Xunit;

namespace AsyncTestsNamespace;

/// <summary>
/// Tests of … (say what behaviour these tests pin down).
/// </summary>
/// <remarks>
//#if (XunitV3 && helpers)
/// Every test follows one shape: <c>[Fact(Timeout = TestTimeouts.Default)]</c>, the test's
/// cancellation token passed to everything that accepts one, fake time instead of waiting, and
/// real-time waits bounded by <c>WaitWithinGuardAsync</c>. For example:
/// <code>
/// [Fact(Timeout = TestTimeouts.Default)]
/// public async Task Retries_after_a_minute()
/// {
///     var cancellationToken = TestContext.Current.CancellationToken;
///     var time = new TimerAwareFakeTimeProvider();
///     var retrying = new Retrier(time).RunAsync(cancellationToken);
///     await time.AdvanceAsync(TimeSpan.FromMinutes(1), cancellationToken);
///     await retrying.WaitWithinGuardAsync("the retry to finish", cancellationToken);
/// }
/// </code>
//#elseif (XunitV3)
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
//#elseif (helpers)
/// xunit v2 has no per-test cancellation token, and its <c>Timeout</c> is only honoured with
/// parallelization off, so each test takes <see cref="CancellationToken"/>: xunit creates a new
/// instance of this class for every test, and the token is cancelled after
/// <c>TestTimeouts.Default</c>. Pass it to everything that accepts one, use fake time instead
/// of waiting, and bound real-time waits with <c>WaitWithinGuardAsync</c>. For example:
/// <code>
/// [Fact]
/// public async Task Retries_after_a_minute()
/// {
///     var time = new TimerAwareFakeTimeProvider();
///     var retrying = new Retrier(time).RunAsync(CancellationToken);
///     await time.AdvanceAsync(TimeSpan.FromMinutes(1), CancellationToken);
///     await retrying.WaitWithinGuardAsync("the retry to finish", CancellationToken);
/// }
/// </code>
//#else
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
//#endif
//#if (HasFixture)
/// <para>
/// The tests of this class share one <see cref="FixtureTypeName"/> (<c>IClassFixture</c>). For a
/// collection fixture (<c>dotnet new async-fixture --scope collection</c>), put
/// <c>[Collection(nameof(FixtureTypeNameCollection))]</c> on the class instead of
/// <c>IClassFixture</c>: otherwise this class gets an instance of its own.
/// </para>
//#endif
/// </remarks>
//#if (HasFixture && XunitV3)
public sealed class AsyncTestClassType(FixtureTypeName fixture) : IClassFixture<FixtureTypeName>
//#elseif (HasFixture)
public sealed class AsyncTestClassType(FixtureTypeName fixture) : IClassFixture<FixtureTypeName>, IDisposable
//#elseif (XunitV3)
public sealed class AsyncTestClassType
//#else
public sealed class AsyncTestClassType : IDisposable
//#endif
{
//#if (XunitV3 && !helpers)
    // xunit v3 has no project-wide timeout: every test names this constant.
    private const int TestTimeoutMilliseconds = 30_000;

    // How long a test waits, in real time, for something that should happen almost at once.
    // Shorter than the timeout, so that the failure says what never happened.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

//#elseif (!XunitV3)
//#if (!helpers)
    private static readonly TimeSpan TestTimeLimit = TimeSpan.FromSeconds(30);

    // How long a test waits, in real time, for something that should happen almost at once.
    // Shorter than the test's limit, so that the failure says what never happened.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _timeLimit = new(TestTimeLimit);
//#else
    private readonly CancellationTokenSource _timeLimit = new(TimeSpan.FromMilliseconds(TestTimeouts.Default));
//#endif

    /// <summary>This test's token: cancelled when the test has run too long.</summary>
    private CancellationToken CancellationToken => _timeLimit.Token;

//#endif
//#if (XunitV3 && helpers)
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task A_five_minute_delay_completes_when_fake_time_moves_five_minutes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new TimerAwareFakeTimeProvider();

        // Stands in for code under test that waits on the injected TimeProvider.
        var delay = Task.Delay(TimeSpan.FromMinutes(5), time, cancellationToken);
        await time.WaitForTimerDueWithinAsync(TimeSpan.FromMinutes(5), cancellationToken);
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.False(delay.IsCompleted, "The delay completed a second early.");
        time.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitWithinGuardAsync("the delay to complete", cancellationToken);
    }
//#elseif (helpers)
    [Fact]
    public async Task A_five_minute_delay_completes_when_fake_time_moves_five_minutes()
    {
        var time = new TimerAwareFakeTimeProvider();

        // Stands in for code under test that waits on the injected TimeProvider.
        var delay = Task.Delay(TimeSpan.FromMinutes(5), time, CancellationToken);
        await time.WaitForTimerDueWithinAsync(TimeSpan.FromMinutes(5), CancellationToken);
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.False(delay.IsCompleted, "The delay completed a second early.");
        time.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitWithinGuardAsync("the delay to complete", CancellationToken);
    }
//#elseif (XunitV3)
    [Fact(Timeout = TestTimeoutMilliseconds)]
    public async Task Work_started_on_another_thread_delivers_its_result()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        // Stands in for the code under test: work that completes on another thread.
        var work = Task.Run(() => 6 * 7, cancellationToken);

        Assert.Equal(42, await work.WaitAsync(Guard, cancellationToken));
    }
//#else
    [Fact]
    public async Task Work_started_on_another_thread_delivers_its_result()
    {
        // Stands in for the code under test: work that completes on another thread.
        var work = Task.Run(() => 6 * 7, CancellationToken);

        Assert.Equal(42, await work.WaitAsync(Guard, CancellationToken));
    }
//#endif
//#if (HasFixture)

//#if (XunitV3)
    // No Timeout: xunit applies it to async tests only. Replace with tests that use what the
    // fixture set up.
//#else
    // Replace with tests that use what the fixture set up.
//#endif
    [Fact]
    public void Shares_the_fixture() => Assert.NotNull(fixture);
//#endif
//#if (!XunitV3)

    public void Dispose() => _timeLimit.Dispose();
//#endif
}
