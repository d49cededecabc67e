using Microsoft.Extensions.Time.Testing;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs: docs/async-testing-guide.md § 3 "Guards run on real time", and the remarks of
/// templates/_shared/RealTimeGuard.cs: a guard on a <see cref="FakeTimeProvider"/> never fires while
/// nobody advances it; the same guard on real time does.
/// </summary>
[Trait(GuideSection.Trait, GuideSection.FakeTime)]
public sealed class FakeClockGuardTests
{
    [Fact(Timeout = 10_000)]
    public async Task A_guard_on_the_fake_clock_never_fires_while_the_test_waits()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var neverDone = new TaskCompletionSource();
        var fakeGuarded = neverDone.Task.WaitAsync(TimeSpan.FromMilliseconds(50), new FakeTimeProvider(), cancellationToken);
        var realGuarded = neverDone.Task.WaitAsync(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);

        await Assert.ThrowsAsync<TimeoutException>(() => realGuarded);

        Assert.False(fakeGuarded.IsCompleted, "A guard on a fake clock fired with nobody advancing it.");
    }
}
