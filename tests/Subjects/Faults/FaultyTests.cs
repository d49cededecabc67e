// Deliberately broken tests: six ways a run goes wrong, one per class. The pack's fault matrix
// (tests/AsyncTestTemplates.Tests/EndToEnd/FaultMatrixTests.cs, scripts/soak.sh) copies this file
// into a generated project, whose namespace is Fault.Tests, and runs the classes by name. Each run
// must end by itself, fail, and name the culprit.
#pragma warning disable xUnit1051 // The hanging tests take no token on purpose.
namespace Fault.Tests;

public sealed class AwaitsForever
{
    // No timeout on purpose (the opt-out the guide shows for ATA1001): this test must hang until the hang guard ends the run.
    [Fact]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "ATA1001", Justification = "The hang guard's fault: it must await forever.")]
    public async Task Awaits_forever() => await new TaskCompletionSource().Task;
}

public sealed class BlocksForever
{
    [Fact]
    public void Blocks_forever() => new ManualResetEventSlim().Wait();
}

public sealed class FireAndForget
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Throws_from_a_fire_and_forget_task()
    {
        _ = Task.Run(() => throw new InvalidOperationException("thrown where nobody awaits it"));
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, TestContext.Current.CancellationToken);
    }
}

public sealed class ForegroundThread
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Leaves_a_foreground_thread_running()
    {
        new Thread(() => new ManualResetEventSlim().Wait()) { Name = "left running", IsBackground = false }.Start();
        await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, TestContext.Current.CancellationToken);
    }
}

public sealed class HangingSetupFixture : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await new TaskCompletionSource().Task;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public sealed class SetupHangs(HangingSetupFixture fixture) : IClassFixture<HangingSetupFixture>
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Never_starts()
    {
        Assert.NotNull(fixture);
        await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, TestContext.Current.CancellationToken);
    }
}

public sealed class ThrowingTeardownFixture : IAsyncLifetime
{
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => throw new InvalidOperationException("teardown failed");
}

public sealed class TeardownThrows(ThrowingTeardownFixture fixture) : IClassFixture<ThrowingTeardownFixture>
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Passes_before_its_fixture_fails()
    {
        Assert.NotNull(fixture);
        await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, TestContext.Current.CancellationToken);
    }
}
