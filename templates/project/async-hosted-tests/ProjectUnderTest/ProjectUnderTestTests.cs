using System.Reflection;

namespace AsyncTestsNamespace;

/// <summary>
/// A first test of the project under test: its own host (its Program.cs, registrations and
/// settings files, in the Development environment) starts on fake time, with its logging in this
/// test's output and outbound HTTP refused, and runs for ten minutes of its fake clock.
/// </summary>
/// <remarks>
/// <para>
/// What it proves: every hosted service of the project's own assembly (internal ones included)
/// began its work — seen through what it did: a log line from it, a timer it armed on the injected
/// <see cref="TimeProvider"/>, an HTTP call it made, its ExecuteAsync ending; none crashed, made a
/// refused HTTP call or logged an error during ten simulated minutes; and the host stopped within
/// the bound. A service nothing could be seen of makes the test skip and say so, never pass.
/// </para>
/// <para>
/// No real pause decides the outcome: the fake clock moves from one armed timer to the next, and
/// after each the test waits until every service whose timer fired is back on the clock (its next
/// timer armed, its <see cref="PeriodicTimer"/> waited on again, or its work ended). A fast machine
/// and a busy one see the same ten minutes. Real time only bounds those waits, in case a service
/// waits for something else; the output names such a service.
/// </para>
/// <para>
/// What it does not prove: that a service does its job right (write tests of that next, with
/// <see cref="HostedServiceHarness"/> for one service on its own), or anything about the code
/// Program.cs runs after building its host (the host is taken before it runs).
/// </para>
/// </remarks>
public sealed class ProjectUnderTestTests
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task Its_own_host_starts_each_hosted_service_which_runs_without_errors_and_stops_in_time()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        await using var app = await ProjectHost.StartAsync(
            Assembly.Load(new AssemblyName("SutAssemblyName")),
            options =>
            {
                // The settings your app requires or validates at start go here, keyed as in
                // appsettings.json (they override its own): a failure that names a missing setting
                // names this place.
                //   options.Settings["Payments:ApiKey"] = "test-key";
                options.ConfigureTestServices = services =>
                {
                    // Replace here, after the app's own registrations, what cannot work in a test:
                    //   services.AddSingleton<IMessageBus, InMemoryMessageBus>();
                    //   services.AddHttpClient<PriceClient>().ConfigurePrimaryHttpMessageHandler(() => new FakePriceHandler());
                };
            },
            cancellationToken);
        if (app.EntryPointNotUsedReason is { } reason)
        {
            output?.WriteLine($"Not the entry point's own host: {reason}. Its hosted service classes were started on their own.");
        }

        var services = await app.WaitForHostedServicesToBeginAsync(cancellationToken);
        Assert.True(services.Count > 0, "The project under test has no hosted service of its own assembly: nothing to start.");
        await app.RunObservationWindowAsync(cancellationToken);
        await app.StopAsync();

        foreach (var service in services)
        {
            output?.WriteLine($"{service.ServiceType.FullName}: {service.FirstActivity ?? "nothing seen"}");
        }

        var unseen = services.Where(service => !service.WasObserved).Select(service => service.ServiceType.FullName).ToList();
        if (unseen.Count > 0)
        {
            Assert.Skip(
                $"Started and stopped without errors, but nothing shows that {string.Join(", ", unseen)} began its work: " +
                "it logged nothing, armed no timer on the injected TimeProvider and made no HTTP call. " +
                "Have it log (ILogger<T>) or use the injected TimeProvider, or test it with HostedServiceHarness.");
        }
    }
}
