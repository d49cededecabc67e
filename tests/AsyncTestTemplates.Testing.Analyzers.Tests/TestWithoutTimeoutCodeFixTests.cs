using Verifier = AsyncTestTemplates.Testing.Analyzers.Tests.Verification.CodeFixVerifier<
    AsyncTestTemplates.Testing.Analyzers.TestWithoutTimeoutAnalyzer,
    AsyncTestTemplates.Testing.Analyzers.TestWithoutTimeoutCodeFix>;

namespace AsyncTestTemplates.Testing.Analyzers.Tests;

public sealed class TestWithoutTimeoutCodeFixTests
{
    [Fact]
    public Task TestTimeouts_in_scope_is_used_by_its_simple_name() =>
        Verifier.VerifyAsync("""
            using System.Threading.Tasks;
            using Xunit;

            namespace Acme.Orders.Tests;

            public static class TestTimeouts
            {
                public const int Default = 30_000;
            }

            public sealed class OrderTests
            {
                [[|Fact|]]
                public async Task Ships() => await Task.Delay(1, TestContext.Current.CancellationToken);
            }
            """, """
            using System.Threading.Tasks;
            using Xunit;

            namespace Acme.Orders.Tests;

            public static class TestTimeouts
            {
                public const int Default = 30_000;
            }

            public sealed class OrderTests
            {
                [Fact(Timeout = TestTimeouts.Default)]
                public async Task Ships() => await Task.Delay(1, TestContext.Current.CancellationToken);
            }
            """);

    [Fact]
    public Task TestTimeouts_in_a_namespace_not_imported_is_qualified() =>
        Verifier.VerifyAsync("""
            using System.Threading.Tasks;
            using Xunit;

            namespace Acme.Testing
            {
                public static class TestTimeouts
                {
                    public const int Default = 30_000;
                }
            }

            namespace Acme.Orders.Tests
            {
                public sealed class OrderTests
                {
                    [[|Theory(DisplayName = "ships")|]]
                    [InlineData(1)]
                    public async Task Ships(int count) => await Task.Delay(count, TestContext.Current.CancellationToken);
                }
            }
            """, """
            using System.Threading.Tasks;
            using Xunit;

            namespace Acme.Testing
            {
                public static class TestTimeouts
                {
                    public const int Default = 30_000;
                }
            }

            namespace Acme.Orders.Tests
            {
                public sealed class OrderTests
                {
                    [Theory(DisplayName = "ships", Timeout = Testing.TestTimeouts.Default)]
                    [InlineData(1)]
                    public async Task Ships(int count) => await Task.Delay(count, TestContext.Current.CancellationToken);
                }
            }
            """);

    [Fact]
    public Task Without_TestTimeouts_the_timeout_is_a_literal() =>
        Verifier.VerifyAsync("""
            using System.Threading.Tasks;
            using Xunit;

            public sealed class OrderTests
            {
                [[|Fact|]]
                public async Task Ships() => await Task.Delay(1, TestContext.Current.CancellationToken);
            }
            """, """
            using System.Threading.Tasks;
            using Xunit;

            public sealed class OrderTests
            {
                [Fact(Timeout = 30_000)]
                public async Task Ships() => await Task.Delay(1, TestContext.Current.CancellationToken);
            }
            """);

    [Fact]
    public Task The_token_goes_to_the_first_call_with_an_optional_token_left_out() =>
        Verifier.VerifyAsync("""
            using System.IO;
            using System.Threading.Tasks;
            using Xunit;

            public sealed class ExportTests
            {
                [[|Fact|]]
                public async Task Writes()
                {
                    var path = Path.GetTempFileName();
                    await File.WriteAllTextAsync(path, "order 42");
                    await File.ReadAllTextAsync(path);
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            using Xunit;

            public sealed class ExportTests
            {
                [Fact(Timeout = 30_000)]
                public async Task Writes()
                {
                    var path = Path.GetTempFileName();
                    await File.WriteAllTextAsync(path, "order 42", TestContext.Current.CancellationToken);
                    await File.ReadAllTextAsync(path);
                }
            }
            """);

    [Fact]
    public Task The_token_goes_to_an_overload_that_takes_one() =>
        Verifier.VerifyAsync("""
            using System.Threading.Tasks;
            using Xunit;

            public sealed class DelayTests
            {
                [[|Fact|]]
                public async Task Waits() => await Task.Delay(10);
            }
            """, """
            using System.Threading.Tasks;
            using Xunit;

            public sealed class DelayTests
            {
                [Fact(Timeout = 30_000)]
                public async Task Waits() => await Task.Delay(10, TestContext.Current.CancellationToken);
            }
            """);

    [Fact]
    public Task A_bare_awaited_task_is_bounded_by_the_token() =>
        Verifier.VerifyAsync("""
            using System.Threading.Tasks;
            using Xunit;

            public sealed class SignalTests
            {
                [[|Fact|]]
                public async Task Signals()
                {
                    var signal = new TaskCompletionSource();
                    signal.SetResult();
                    await signal.Task;
                }
            }
            """, """
            using System.Threading.Tasks;
            using Xunit;

            public sealed class SignalTests
            {
                [Fact(Timeout = 30_000)]
                public async Task Signals()
                {
                    var signal = new TaskCompletionSource();
                    signal.SetResult();
                    await signal.Task.WaitAsync(TestContext.Current.CancellationToken);
                }
            }
            """);

    [Fact]
    public Task An_awaited_value_task_is_bounded_through_AsTask() =>
        Verifier.VerifyAsync("""
            using System.Threading.Tasks;
            using Xunit;

            public sealed class SignalTests
            {
                [[|Fact|]]
                public async ValueTask Signals()
                {
                    ValueTask pending = ValueTask.CompletedTask;
                    await pending;
                }
            }
            """, """
            using System.Threading.Tasks;
            using Xunit;

            public sealed class SignalTests
            {
                [Fact(Timeout = 30_000)]
                public async ValueTask Signals()
                {
                    ValueTask pending = ValueTask.CompletedTask;
                    await pending.AsTask().WaitAsync(TestContext.Current.CancellationToken);
                }
            }
            """);

    [Fact]
    public Task A_test_that_awaits_nothing_only_gets_the_timeout() =>
        Verifier.VerifyAsync("""
            using System.Threading.Tasks;
            using Xunit;

            public sealed class CompletedTests
            {
                [[|Fact|]]
                public Task Completes() => Task.CompletedTask;
            }
            """, """
            using System.Threading.Tasks;
            using Xunit;

            public sealed class CompletedTests
            {
                [Fact(Timeout = 30_000)]
                public Task Completes() => Task.CompletedTask;
            }
            """);

    [Fact]
    public Task Xunit_is_imported_when_TestContext_does_not_bind() =>
        Verifier.VerifyAsync("""
            using System.Threading.Tasks;

            public sealed class DelayTests
            {
                [[|Xunit.Fact|]]
                public async Task Waits() => await Task.Delay(10);
            }
            """, """
            using System.Threading.Tasks;
            using Xunit;

            public sealed class DelayTests
            {
                [Xunit.Fact(Timeout = 30_000)]
                public async Task Waits() => await Task.Delay(10, TestContext.Current.CancellationToken);
            }
            """);

    [Fact]
    public Task Fix_all_in_a_document_fixes_every_test() =>
        Verifier.VerifyAsync("""
            using System.Threading.Tasks;
            using Xunit;

            public static class TestTimeouts
            {
                public const int Default = 30_000;
            }

            public sealed class OrderTests
            {
                [[|Fact|]]
                public async Task Waits() => await Task.Delay(10);

                [[|Fact|]]
                public async Task Signals()
                {
                    var signal = new TaskCompletionSource();
                    signal.SetResult();
                    await signal.Task;
                }

                [[|Theory|]]
                [InlineData(1)]
                public async Task Counts(int count) => await Task.Delay(count, TestContext.Current.CancellationToken);
            }
            """, """
            using System.Threading.Tasks;
            using Xunit;

            public static class TestTimeouts
            {
                public const int Default = 30_000;
            }

            public sealed class OrderTests
            {
                [Fact(Timeout = TestTimeouts.Default)]
                public async Task Waits() => await Task.Delay(10, TestContext.Current.CancellationToken);

                [Fact(Timeout = TestTimeouts.Default)]
                public async Task Signals()
                {
                    var signal = new TaskCompletionSource();
                    signal.SetResult();
                    await signal.Task.WaitAsync(TestContext.Current.CancellationToken);
                }

                [Theory(Timeout = TestTimeouts.Default)]
                [InlineData(1)]
                public async Task Counts(int count) => await Task.Delay(count, TestContext.Current.CancellationToken);
            }
            """);

    [Fact]
    public Task Fix_all_imports_Xunit_once() =>
        Verifier.VerifyAsync("""
            using System.Threading.Tasks;

            public sealed class DelayTests
            {
                [[|Xunit.Fact|]]
                public async Task Waits() => await Task.Delay(10);

                [[|Xunit.Fact|]]
                public async Task WaitsLonger() => await Task.Delay(20);
            }
            """, """
            using System.Threading.Tasks;
            using Xunit;

            public sealed class DelayTests
            {
                [Xunit.Fact(Timeout = 30_000)]
                public async Task Waits() => await Task.Delay(10, TestContext.Current.CancellationToken);

                [Xunit.Fact(Timeout = 30_000)]
                public async Task WaitsLonger() => await Task.Delay(20, TestContext.Current.CancellationToken);
            }
            """);
}
