using Microsoft.Extensions.Hosting;

namespace AsyncTestTemplates.Testing.Tests.Claims;

/// <summary>
/// A <see cref="BackgroundService"/> whose <c>ExecuteAsync</c> blocks its thread, as its first act,
/// until the test opens the gate; then it records what it saw and arms an hourly delay on <see cref="Time"/>.
/// </summary>
public sealed class GatedService(TimeProvider time) : BackgroundService
{
    private readonly ManualResetEventSlim _gate = new();
    private int _passes;

    public TimeProvider Time { get; } = time;

    /// <summary>Completes with the body's thread once the body has started.</summary>
    public TaskCompletionSource<int> Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with whether the stopping token was cancelled when the body got past the gate.</summary>
    public TaskCompletionSource<bool> PastTheGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many times the body's hourly delay has fired.</summary>
    public int Passes => Volatile.Read(ref _passes);

    public void OpenGate() => _gate.Set();

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Entered.TrySetResult(Environment.CurrentManagedThreadId);
        // A synchronous block on purpose: if ExecuteAsync ran inline, StartAsync could not return.
        _gate.Wait(RealTime.Guard, CancellationToken.None);
        PastTheGate.TrySetResult(stoppingToken.IsCancellationRequested);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromHours(1), Time, stoppingToken);
            Interlocked.Increment(ref _passes);
        }
    }
}
