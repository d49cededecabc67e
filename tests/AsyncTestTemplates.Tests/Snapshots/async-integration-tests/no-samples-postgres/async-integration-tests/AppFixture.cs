namespace Acme.Api.IntegrationTests;

/// <summary>
/// The app under test, with a real database of its own: created before the app starts, emptied by
/// each test's <see cref="WebAppFixture.ResetAsync"/>, removed after the app stopped.
/// </summary>
/// <remarks>
/// <para>
/// The machinery is <see cref="WebAppFixture"/>, from the package AsyncTestTemplates.Testing.AspNetCore:
/// the app on ASP.NET Core's in-memory test server, on fake time (<see cref="WebAppFixture.Time"/>)
/// and test logging (<see cref="WebAppFixture.Logs"/>, written to the running test's output), started
/// once for the tests of a collection and stopped after the last of them, every step within a bound;
/// clients whose requests carry a real-time limit (<see cref="WebAppFixture.CreateClient"/>); a wait
/// for a record the app logs in the background (<see cref="WebAppFixture.WaitForLogAsync"/>). A fix to
/// it reaches this project by a version bump of that package. This class is yours: what the app needs
/// around it goes here.
/// </para>
/// <para>
/// Register a derived fixture with <c>ICollectionFixture&lt;T&gt;</c> on a
/// <c>[CollectionDefinition]</c>. The tests of one collection run one after another, so each test
/// calls <see cref="WebAppFixture.ResetAsync"/> first (in its <c>InitializeAsync</c>) and then has the
/// app to itself. The clock is shared by the collection and only moves forward: take
/// <c>Time.GetUtcNow()</c> at the start of a test and assert relative to it.
/// </para>
/// </remarks>
public abstract class AppFixture : WebAppFixture
{
    private TestDatabase? _database;

    /// <summary>The app's database, for a test to arrange or check data behind the app's back.</summary>
    public TestDatabase Database => _database
        ?? throw new InvalidOperationException($"{GetType().Name} has not started (or has been disposed): use it from a test of its collection.");

    /// <summary>
    /// Creating the database, starting the app or stopping it may each take this long, in real time:
    /// the per-test timeout (<see cref="TestTimeouts.Default"/>).
    /// </summary>
    protected override TimeSpan StartStopLimit => TimeSpan.FromMilliseconds(TestTimeouts.Default);

    // The database first: the app may read or migrate it while it starts.
    protected override async ValueTask StartDependenciesAsync(CancellationToken cancellationToken) =>
        _database = await TestDatabase.CreateAsync(cancellationToken);

    // Its rows, before each test (its schema stays).
    protected override async ValueTask ResetDependenciesAsync(CancellationToken cancellationToken) =>
        await Database.ResetAsync(cancellationToken);

    // After the app stopped: it has let go of its connections.
    protected override async ValueTask StopDependenciesAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
