namespace ClaimSubjects;

/// <summary>Subject of the foreground-thread claim (LeftoverThreads.cs): the test passes and leaves a thread that never ends.</summary>
public sealed class ForegroundThreadSubjects
{
    [Fact]
    public void Leaves_a_foreground_thread_running() =>
        new Thread(() => new ManualResetEventSlim().Wait()) { Name = "claim: left running", IsBackground = false }.Start();
}
