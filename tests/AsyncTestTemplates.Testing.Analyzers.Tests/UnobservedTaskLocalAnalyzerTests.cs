using Verifier = AsyncTestTemplates.Testing.Analyzers.Tests.Verification.AnalyzerVerifier<AsyncTestTemplates.Testing.Analyzers.UnobservedTaskLocalAnalyzer>;

namespace AsyncTestTemplates.Testing.Analyzers.Tests;

public sealed class UnobservedTaskLocalAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Xunit;

        """;

    [Fact]
    public Task Started_tasks_never_read_again_are_reported() =>
        Verifier.VerifyAsync(Usings + """
            public sealed class PumpTests
            {
                private static ValueTask<int> CountAsync(CancellationToken cancellationToken) => ValueTask.FromResult(1);

                [Fact(Timeout = 30_000)]
                public async Task Pumps()
                {
                    var token = TestContext.Current.CancellationToken;
                    var {|#0:pump = Task.Run(() => { }, token)|};
                    Task {|#1:count = CountAsync(token).AsTask()|};
                    var {|#2:counted = CountAsync(token)|};
                    await Task.Delay(1, token);
                }

                [Theory(Timeout = 30_000)]
                [InlineData(1)]
                public async Task Counts(int count)
                {
                    var {|#3:delay = Task.Delay(count, TestContext.Current.CancellationToken)|};
                    await Task.Yield();
                }
            }
            """,
            Verifier.Diagnostic("ATA1002").WithLocation(0).WithArguments("pump"),
            Verifier.Diagnostic("ATA1002").WithLocation(1).WithArguments("count"),
            Verifier.Diagnostic("ATA1002").WithLocation(2).WithArguments("counted"),
            Verifier.Diagnostic("ATA1002").WithLocation(3).WithArguments("delay"));

    [Fact]
    public Task Tasks_awaited_returned_passed_on_or_read_are_not_reported() =>
        Verifier.VerifyAsync(Usings + """
            public sealed class PumpTests
            {
                private readonly List<Task> _running = [];

                [Fact(Timeout = 30_000)]
                public async Task Awaited()
                {
                    var pump = Task.Run(() => { }, TestContext.Current.CancellationToken);
                    await pump;
                }

                [Fact(Timeout = 30_000)]
                public Task Returned()
                {
                    var pump = Task.Run(() => { }, TestContext.Current.CancellationToken);
                    return pump;
                }

                [Fact(Timeout = 30_000)]
                public async Task PassedOn()
                {
                    var pump = Task.Run(() => { }, TestContext.Current.CancellationToken);
                    _running.Add(pump);
                    await Task.WhenAll(_running);
                }

                [Fact(Timeout = 30_000)]
                public async Task ReadInALambda()
                {
                    var pump = Task.Run(() => { }, TestContext.Current.CancellationToken);
                    Func<Task> later = () => pump;
                    await later();
                }

                [Fact(Timeout = 30_000)]
                public async Task Inspected()
                {
                    var pump = Task.Run(() => { }, TestContext.Current.CancellationToken);
                    await Task.Delay(1, TestContext.Current.CancellationToken);
                    Assert.False(pump.IsFaulted);
                }
            }
            """);

    [Fact]
    public Task Completed_tasks_values_discards_and_non_tests_are_not_reported() =>
        Verifier.VerifyAsync(Usings + """
            public sealed class PumpTests
            {
                [Fact(Timeout = 30_000)]
                public async Task Values()
                {
                    var done = Task.FromResult(1);
                    var none = ValueTask.FromResult(2);
                    var count = await Task.FromResult(3);
                    var completed = Task.CompletedTask;
                    _ = Task.Run(() => { }, TestContext.Current.CancellationToken);
                    await Task.Yield();
                }

                public void Helper()
                {
                    var pump = Task.Run(() => { });
                }
            }
            """);
}
