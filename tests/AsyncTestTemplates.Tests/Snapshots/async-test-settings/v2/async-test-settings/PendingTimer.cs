// Part of AsyncTestTemplates.Testing's fake clock, also written into xunit v2 projects by `dotnet new
// async-test-settings`, beside TimerAwareFakeTimeProvider.cs.
#nullable enable

using System;
using System.Threading;

namespace Acme.Orders.Tests;

/// <summary>A timer of a <see cref="TimerAwareFakeTimeProvider"/> that is armed: it fires when the clock reaches <see cref="DueTime"/>.</summary>
/// <param name="DueTime">When it fires next, on the provider's clock.</param>
/// <param name="Period">Its period; <see cref="Timeout.InfiniteTimeSpan"/> for a one-shot timer.</param>
/// <param name="IsTimeout">
/// True for the timer of a <c>CancellationTokenSource</c> with a delay (<c>new CancellationTokenSource(delay, time)</c>,
/// <c>CancelAfter</c>, a resilience pipeline's timeout) or of <c>Task.WaitAsync(…, time)</c>: a limit on a wait, not a wait
/// of the code under test. The provider's waits and advances skip these.
/// </param>
/// <param name="CreatedBy">The method outside the .NET libraries that created it, such as <c>OrderSweeper.RunAsync</c>; null when none is on the stack.</param>
public sealed record PendingTimer(DateTimeOffset DueTime, TimeSpan Period, bool IsTimeout, string? CreatedBy)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{(IsTimeout ? "a timeout" : "a timer")} due at {DueTime:O}" +
        (Period == Timeout.InfiniteTimeSpan ? "" : $", every {Period}") +
        (CreatedBy is null ? "" : $", created by {CreatedBy}");
}
