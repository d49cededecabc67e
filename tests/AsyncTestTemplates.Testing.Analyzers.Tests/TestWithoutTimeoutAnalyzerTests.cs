using AsyncTestTemplates.Testing.Analyzers.Tests.Verification;
using Verifier = AsyncTestTemplates.Testing.Analyzers.Tests.Verification.AnalyzerVerifier<AsyncTestTemplates.Testing.Analyzers.TestWithoutTimeoutAnalyzer>;

namespace AsyncTestTemplates.Testing.Analyzers.Tests;

public sealed class TestWithoutTimeoutAnalyzerTests
{
    private const string Usings = """
        using System.Diagnostics.CodeAnalysis;
        using System.Threading;
        using System.Threading.Tasks;
        using Xunit;

        """;

    [Fact]
    public Task A_fact_without_a_timeout_is_reported() =>
        Verifier.VerifyAsync(Usings + """
            public sealed class OrderTests
            {
                [{|#0:Fact|}]
                public async Task Ships() => await Task.Yield();
            }
            """,
            Verifier.Diagnostic("ATA1001").WithLocation(0).WithArguments("Ships"));

    [Fact]
    public Task A_theory_without_a_timeout_is_reported() =>
        Verifier.VerifyAsync(Usings + """
            public sealed class OrderTests
            {
                [{|#0:Theory(DisplayName = "ships")|}]
                [InlineData(1)]
                [InlineData(2)]
                public ValueTask Ships(int count) => ValueTask.CompletedTask;
            }
            """,
            Verifier.Diagnostic("ATA1001").WithLocation(0).WithArguments("Ships"));

    [Fact]
    public Task A_task_of_t_test_and_a_zero_timeout_are_reported() =>
        Verifier.VerifyAsync(Usings + """
            public sealed class OrderTests
            {
                [{|#0:Fact(Timeout = 0)|}]
                public Task<int> Counts() => Task.FromResult(1);
            }
            """,
            Verifier.Diagnostic("ATA1001").WithLocation(0).WithArguments("Counts"));

    [Fact]
    public Task A_derived_attribute_without_a_timeout_is_reported() =>
        Verifier.VerifyAsync(Usings + """
            public sealed class SlowFactAttribute : FactAttribute
            {
                public SlowFactAttribute() => DisplayName = "slow";
            }

            public sealed class OrderTests
            {
                [{|#0:SlowFact|}]
                public async Task Ships() => await Task.Yield();
            }
            """,
            Verifier.Diagnostic("ATA1001").WithLocation(0).WithArguments("Ships"));

    [Fact]
    public Task A_derived_attribute_setting_its_own_timeout_is_not_reported() =>
        Verifier.VerifyAsync(Usings + """
            public sealed class BoundedFactAttribute : FactAttribute
            {
                public BoundedFactAttribute() => Timeout = 30_000;
            }

            public sealed class BoundedTheoryAttribute : TheoryAttribute
            {
                public BoundedTheoryAttribute()
                {
                    this.Timeout = 30_000;
                }
            }

            public sealed class OrderTests
            {
                [BoundedFact]
                public async Task Ships() => await Task.Delay(1, TestContext.Current.CancellationToken);

                [BoundedTheory]
                [InlineData(1)]
                public async Task Counts(int count) => await Task.Delay(count, TestContext.Current.CancellationToken);
            }
            """);

    [Fact]
    public Task Tests_with_a_timeout_are_not_reported() =>
        Verifier.VerifyAsync(Usings + """
            public static class TestTimeouts
            {
                public const int Default = 30_000;
            }

            public sealed class OrderTests
            {
                [Fact(Timeout = TestTimeouts.Default)]
                public async Task Ships() => await Task.Delay(1, TestContext.Current.CancellationToken);

                [Theory(Timeout = 5_000)]
                [InlineData(1)]
                public async Task Counts(int count) => await Task.Delay(count, TestContext.Current.CancellationToken);
            }
            """);

    [Fact]
    public Task A_theory_whose_rows_all_set_a_timeout_is_not_reported_and_one_row_without_is() =>
        Verifier.VerifyAsync(Usings + """
            public sealed class OrderTests
            {
                [Theory]
                [InlineData(1, Timeout = 1_000)]
                [InlineData(2, Timeout = 2_000)]
                public async Task AllRowsBounded(int count) => await Task.Delay(count, TestContext.Current.CancellationToken);

                [{|#0:Theory|}]
                [InlineData(1, Timeout = 1_000)]
                [InlineData(2)]
                public async Task OneRowUnbounded(int count) => await Task.Delay(count, TestContext.Current.CancellationToken);
            }
            """,
            Verifier.Diagnostic("ATA1001").WithLocation(0).WithArguments("OneRowUnbounded"));

    [Fact]
    public Task A_skipped_test_is_not_reported_but_a_conditionally_skipped_one_is() =>
        Verifier.VerifyAsync(Usings + """
            public sealed class OrderTests
            {
                public static bool OnCi => false;

                [Fact(Skip = "the archive is down")]
                public async Task Skipped() => await Task.Yield();

                [{|#0:Fact(Skip = "not on CI", SkipWhen = nameof(OnCi))|}]
                public async Task SometimesSkipped() => await Task.Yield();
            }
            """,
            Verifier.Diagnostic("ATA1001").WithLocation(0).WithArguments("SometimesSkipped"));

    [Fact]
    public Task Synchronous_tests_and_methods_that_are_not_tests_are_not_reported() =>
        Verifier.VerifyAsync(Usings + """
            public sealed class OrderTests
            {
                [Fact]
                public void Adds() => Assert.Equal(2, 1 + 1);

                [Theory]
                [InlineData(1)]
                public void Counts(int count) => Assert.Equal(1, count);

                public async Task Helper() => await Task.Yield();
            }
            """);

    [Fact]
    public Task A_suppressed_test_is_not_reported() =>
        Verifier.VerifyAsync(Usings + """
            public sealed class OrderTests
            {
                [Fact]
                [SuppressMessage("Reliability", "ATA1001", Justification = "Measures how long the archive takes; bounded by the run's hang guard.")]
                public async Task Measured() => await Task.Yield();

            #pragma warning disable ATA1001 // A benchmark, bounded by the session timeout.
                [Fact]
                public async Task Benchmark() => await Task.Yield();
            #pragma warning restore ATA1001
            }
            """);

    [Fact]
    public Task Nothing_is_reported_without_xunit_v3s_data_attribute()
    {
        var test = new AnalyzerVerifier<TestWithoutTimeoutAnalyzer>.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Xunit;

                namespace Xunit
                {
                    // xunit v2's shape: a Fact with a Timeout, but no Xunit.v3.DataAttribute.
                    public class FactAttribute : System.Attribute
                    {
                        public int Timeout { get; set; }
                    }
                }

                public sealed class OrderTests
                {
                    [Fact]
                    public async Task Ships() => await Task.Yield();
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.Runtime);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }
}
