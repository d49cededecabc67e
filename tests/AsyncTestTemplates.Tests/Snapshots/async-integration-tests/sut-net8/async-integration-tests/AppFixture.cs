namespace Acme.Api.IntegrationTests;

/// <summary>
/// The app under test.
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
    /// <summary>
    /// Starting the app or stopping it may each take this long, in real time:
    /// the per-test timeout (<see cref="TestTimeouts.Default"/>).
    /// </summary>
    protected override TimeSpan StartStopLimit => TimeSpan.FromMilliseconds(TestTimeouts.Default);
}
