// Written with nullable annotations, whatever the project's Nullable setting.
#nullable enable

using System;

namespace AsyncTestsNamespace;

// This project's part of the fake clock (TimerAwareFakeTimeProvider.cs is AsyncTestTemplates.Testing's
// own file, which xunit v2 projects cannot reference): how long a wait may take in real time, and
// which frames are the clock's own.
public sealed partial class TimerAwareFakeTimeProvider
{
    private static partial (TimeSpan Limit, string Knob) GuardLimit() =>
        (TestTimeouts.Guard, "The limit is TestTimeouts.Guard, in TestTimeouts.cs.");

    private static partial bool IsOwnFrame(Type type) =>
        type == typeof(TimerAwareFakeTimeProvider) || type.DeclaringType == typeof(TimerAwareFakeTimeProvider);
}
