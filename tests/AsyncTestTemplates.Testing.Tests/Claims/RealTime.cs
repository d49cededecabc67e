namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>Bounded waits on the real clock: a guard on a fake clock would never fire.</summary>
public static class RealTime
{
    /// <summary>Long enough for anything that should happen almost at once on a busy 2-core machine.</summary>
    public static TimeSpan Guard { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Awaits <paramref name="task"/> for at most <see cref="Guard"/>, failing with what never happened.</summary>
    public static async Task WithinGuardAsync(this Task task, string waitingFor, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(Guard, TimeProvider.System, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Waited {Guard.TotalSeconds:0} s (real time) for {waitingFor}.", ex);
        }
    }

    /// <inheritdoc cref="WithinGuardAsync(Task, string, CancellationToken)"/>
    public static async Task<T> WithinGuardAsync<T>(this Task<T> task, string waitingFor, CancellationToken cancellationToken)
    {
        try
        {
            return await task.WaitAsync(Guard, TimeProvider.System, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Waited {Guard.TotalSeconds:0} s (real time) for {waitingFor}.", ex);
        }
    }
}
