using System.Threading.Channels;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// Backs docs/async-testing-guide.md § 11 "ValueTask: awaited once", on a real pooled source: a
/// single-reader channel's <c>ReadAsync</c>, which reuses one operation object for every read that has
/// to wait. Its <see cref="ValueTask{TResult}"/> may be awaited once; awaited again it throws, because the
/// operation behind it has been handed back. <c>AsTask()</c> gives a task that can be awaited any number of times.
/// </summary>
[Trait(GuideSection.Trait, GuideSection.ValueTasks)]
public sealed class ValueTaskRulesTests
{
    [Fact(Timeout = 10_000)]
    public async Task A_pooled_ValueTask_awaited_a_second_time_throws()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var orders = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
        var read = orders.Reader.ReadAsync(cancellationToken);
        Assert.False(read.IsCompleted, "The read should wait for a write: only then is the pooled operation used.");

        await orders.Writer.WriteAsync(42, cancellationToken);

        Assert.Equal(42, await read);
#pragma warning disable CA2012 // Awaited twice on purpose: this is what the guide warns against.
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await read);
#pragma warning restore CA2012
    }

    [Fact(Timeout = 10_000)]
    public async Task The_task_AsTask_returns_can_be_awaited_twice()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var orders = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
        var read = orders.Reader.ReadAsync(cancellationToken).AsTask();

        await orders.Writer.WriteAsync(42, cancellationToken);

        Assert.Equal(42, await read);
        Assert.Equal(42, await read);
    }

    [Fact]
    public void Reading_Result_of_a_pooled_ValueTask_that_has_not_completed_throws_instead_of_waiting()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var orders = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
        var read = orders.Reader.ReadAsync(cancellationToken);
        Assert.False(read.IsCompleted);

#pragma warning disable CA2012, VSTHRD002, VSTHRD103, xUnit1031 // .Result on an incomplete ValueTask on purpose: this is what the guide warns against.
        Assert.Throws<InvalidOperationException>(() => read.Result);
#pragma warning restore CA2012, VSTHRD002, VSTHRD103, xUnit1031
    }
}
