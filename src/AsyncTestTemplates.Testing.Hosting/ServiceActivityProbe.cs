using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Hosting;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// Records the first thing each hosted service of the project under test was seen doing: a log
/// record under its own category, a timer armed or an HTTP call made from its code. Since .NET 10 a
/// <see cref="BackgroundService"/>'s <c>ExecuteTask</c> looks the same before and after its body
/// ran, so "it started" is only proven by what it did.
/// </summary>
internal sealed class ServiceActivityProbe
{
    private readonly ConcurrentDictionary<Type, TaskCompletionSource<string>> _firstActivity = new();
    private readonly Dictionary<string, Type> _byCategory = new(StringComparer.Ordinal);
    private volatile bool _watching;

    /// <summary>Starts watching <paramref name="serviceTypes"/>; activity seen before was not theirs to claim.</summary>
    public void Watch(IEnumerable<Type> serviceTypes)
    {
        foreach (var type in serviceTypes)
        {
            _firstActivity.TryAdd(type, new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
            _byCategory[LogCategory.Of(type)] = type;
        }

        _watching = !_firstActivity.IsEmpty;
    }

    /// <summary>What <paramref name="serviceType"/> was first seen doing.</summary>
    public Task<string> FirstActivityOfAsync(Type serviceType) => _firstActivity[serviceType].Task;

    /// <summary>True while some watched service has not been seen doing anything yet.</summary>
    public bool IsWatching => _watching && _firstActivity.Values.Any(activity => !activity.Task.IsCompleted);

    public void Record(Type serviceType, string activity)
    {
        if (_firstActivity.TryGetValue(serviceType, out var first))
        {
            first.TrySetResult(activity);
        }
    }

    /// <summary>A log record: its category names the service (ILogger&lt;T&gt;), or the service's code is on the stack.</summary>
    public void OnLog(string category, string message)
    {
        if (!IsWatching)
        {
            return;
        }

        var activity = $"logged \"{Shorten(message)}\" under {category}";
        if (_byCategory.TryGetValue(category, out var type))
        {
            Record(type, activity);
        }
        else if (!category.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal)
            && !category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal))
        {
            // (The host's own record of a service's failure is logged from the failing service's
            // stack: it is no act of the service's; its end is recorded as such. HttpClient's lines
            // come before the call's outcome: HttpCallProbe records the call once it has one.)
            OnActivityFromStack(activity);
        }
    }

    /// <summary>Attributes <paramref name="activity"/> to each watched service whose code is on the current thread's stack.</summary>
    public void OnActivityFromStack(string activity)
    {
        if (!IsWatching)
        {
            return;
        }

        foreach (var type in ServiceTypesOnStack())
        {
            Record(type, activity);
        }
    }

    /// <summary>The watched services whose code (a method, an async state machine, a lambda) is on the current stack.</summary>
    public IReadOnlyList<Type> ServiceTypesOnStack() => ServiceTypesIn(new StackTrace(skipFrames: 1, fNeedFileInfo: false));

    /// <summary>
    /// The watched services whose code <paramref name="exception"/> (or an inner one) has passed
    /// through so far: its stack trace spans every await it crossed, where the current stack does not.
    /// </summary>
    public IReadOnlyList<Type> ServiceTypesIn(Exception exception)
    {
        List<Type> found = [];
        for (var current = exception; current is not null; current = current.InnerException)
        {
            found.AddRange(ServiceTypesIn(new StackTrace(current, fNeedFileInfo: false)));
            if (current is AggregateException aggregate)
            {
                found.AddRange(aggregate.InnerExceptions.SelectMany(ServiceTypesIn));
            }
        }

        return [.. found.Distinct()];
    }

    /// <summary>What was seen of <paramref name="serviceType"/> so far, or null.</summary>
    public string? FirstActivitySoFar(Type serviceType) =>
        _firstActivity.TryGetValue(serviceType, out var first) && first.Task.IsCompletedSuccessfully
#pragma warning disable VSTHRD002, VSTHRD103 // Read only once it has completed: nothing blocks.
            ? first.Task.Result
#pragma warning restore VSTHRD002, VSTHRD103
            : null;

    private List<Type> ServiceTypesIn(StackTrace stack)
    {
        List<Type> found = [];
        foreach (var frame in stack.GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            // An async method's body runs in a compiler-generated state machine nested in its class.
            while (type is { DeclaringType: not null } && type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            {
                type = type.DeclaringType;
            }

            if (type is not null && _firstActivity.ContainsKey(type) && !found.Contains(type))
            {
                found.Add(type);
            }
        }

        return found;
    }

    private static string Shorten(string message) => message.Length <= 120 ? message : message[..117] + "...";
}
