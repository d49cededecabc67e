using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Hosting;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// Runs a project's entry point until it builds its host, and takes that host before the entry point
/// can run it, as <c>WebApplicationFactory</c> and EF Core's design-time tools do: the generic host
/// announces <c>HostBuilding</c> (with its <see cref="IHostBuilder"/>) and <c>HostBuilt</c> (with the
/// <see cref="IHost"/>) on the <c>Microsoft.Extensions.Hosting</c> <see cref="DiagnosticListener"/>.
/// At <c>HostBuilding</c> the test's registrations are added after the app's own; at <c>HostBuilt</c>
/// an exception ends the entry point, so its <c>Run</c> never starts and the host is the test's.
/// </summary>
internal sealed class EntryPointInterceptor : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    // Only hosts built by the entry point this interceptor started: other tests in the process
    // build hosts of their own at the same time, on flows where this is not set.
    private static readonly AsyncLocal<EntryPointInterceptor?> Current = new();

    private readonly Action<IHostBuilder> _configure;
    private readonly TaskCompletionSource<IHost> _hostBuilt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IDisposable> _subscriptions = [];

    private EntryPointInterceptor(Action<IHostBuilder> configure) => _configure = configure;

    /// <summary>
    /// Starts <paramref name="entryPoint"/> on a thread of its own, with no console input, and returns
    /// the host it built, or null with the reason when it built none: it threw, it returned, or it
    /// built none within <paramref name="limit"/>. The first two are known as soon as they happen.
    /// </summary>
    public static async Task<(IHost? Host, string? NoHostReason)> BuildHostAsync(
        MethodInfo entryPoint, string[] arguments, Action<IHostBuilder> configure, TimeSpan limit, string knob, CancellationToken cancellationToken)
    {
        var interceptor = new EntryPointInterceptor(configure);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(interceptor);
        var entryPointEnded = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        // An interactive Main (a menu, "press Enter") must not wait for a keyboard the test has not
        // got: its reads answer "end of input" at once. (Console.ReadKey throws by itself where the
        // input is redirected, as it is under a test runner.)
        var (input, restoreInput) = NoConsoleInput.Install();
        using var restore = restoreInput;

        Current.Value = interceptor;
        var thread = new Thread(() => _ = RunAsync(entryPoint, arguments).ContinueWith(
            run => entryPointEnded.TrySetResult(run.Result), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default))
        {
            // A Main that waits for something else must not keep the test process alive.
            IsBackground = true,
            Name = $"Entry point of {entryPoint.DeclaringType?.Assembly.GetName().Name}",
        };
        thread.Start();
        Current.Value = null;

        try
        {
            await Task.WhenAny(interceptor._hostBuilt.Task, entryPointEnded.Task)
                .WaitAsync(limit, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            // The host first: the entry point ends right after it, and either may be seen to complete first.
            if (interceptor._hostBuilt.Task.IsCompleted)
            {
                return (await interceptor._hostBuilt.Task.ConfigureAwait(false), null);
            }

            var failure = await entryPointEnded.Task.ConfigureAwait(false);
            var readInput = input.WasRead ? "it read console input, which a test does not give (an interactive console), and " : "";
            return failure is null
                ? (null, $"{readInput}its entry point returned without building a host")
                : (null, $"{readInput}its entry point threw {failure.GetType().Name} before it built a host: {failure.Message}");
        }
        catch (TimeoutException)
        {
            return (null, input.WasRead
                ? $"its entry point read console input and then built no host within {limit.TotalSeconds:0.#} s (real time). {knob}"
                : $"its entry point built no host within {limit.TotalSeconds:0.#} s (real time): it may wait for something other than console input, or build its host later. {knob}");
        }
        finally
        {
            interceptor.Unsubscribe();
        }
    }

    // Never faults: returns what the entry point ended with, null for a normal end or the test's own stop.
    private static async Task<Exception?> RunAsync(MethodInfo entryPoint, string[] arguments)
    {
        try
        {
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [arguments]);
            // An async Main without the compiler's synchronous wrapper.
            if (result is Task task)
            {
                await task.ConfigureAwait(false);
            }

            return null;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is HostTakenException)
        {
            return null;
        }
        catch (HostTakenException)
        {
            return null;
        }
        catch (TargetInvocationException ex)
        {
            return ex.InnerException ?? ex;
        }
#pragma warning disable CA1031 // Whatever the app's entry point throws is the test's to report, not this thread's to crash the process with.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.Extensions.Hosting")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Current.Value != this || _hostBuilt.Task.IsCompleted)
        {
            return;
        }

        if (value is { Key: "HostBuilding", Value: IHostBuilder builder })
        {
            _configure(builder);
        }
        else if (value is { Key: "HostBuilt", Value: IHost host })
        {
            _hostBuilt.TrySetResult(host);
            // Ends the entry point inside its Build(): its Run never starts.
            throw new HostTakenException();
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    private void Unsubscribe()
    {
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
        }
    }

    /// <summary>Thrown into the entry point once its host is built; a catch-all in Main may swallow it, which is harmless.</summary>
    private sealed class HostTakenException : Exception
    {
        public HostTakenException()
            : base("The test took the host this entry point built; the entry point ends here.")
        {
        }
    }
}
