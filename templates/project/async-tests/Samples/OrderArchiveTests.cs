using System.Diagnostics.CodeAnalysis;
using AsyncTestsNamespace.Samples.CodeUnderTest;

namespace AsyncTestsNamespace.Samples;

/// <summary>Tests that share one <see cref="OrderArchiveFixture"/>, and a test of the fixture's own teardown.</summary>
public sealed class OrderArchiveTests(OrderArchiveFixture archive) : IClassFixture<OrderArchiveFixture>
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task An_archived_order_is_written_to_its_own_file()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var path = await archive.ArchiveAndWaitAsync(new Order("A-1", "ada", 12.5m, DateTimeOffset.UnixEpoch), cancellationToken);

        Assert.Equal("ada;12.5", await File.ReadAllTextAsync(path, cancellationToken));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope",
        Justification = "Disposing the fixture is what this test does, inside Assert.ThrowsAsync, where the analysis does not look.")]
    public async Task Teardown_still_removes_the_folder_when_archiving_has_failed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var fixture = new OrderArchiveFixture();
        await fixture.InitializeAsync();

        // An id that is not a valid file name makes the archiving loop fail.
        await fixture.PublishAsync(new Order("bad\0id", "ada", 1m, DateTimeOffset.UnixEpoch), cancellationToken);
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Archiving.WaitWithinGuardAsync("archiving to fail", cancellationToken));

        var teardown = await Assert.ThrowsAsync<AggregateException>(() => fixture.DisposeAsync().AsTask());

        Assert.IsType<ArgumentException>(Assert.Single(teardown.InnerExceptions));
        Assert.False(Directory.Exists(fixture.Folder.FullName));
    }
}
