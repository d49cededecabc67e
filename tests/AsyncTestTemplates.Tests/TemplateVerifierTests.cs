using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests;

/// <summary>
/// The in-house verifier against the real engine: it must fail on every kind of difference, say where,
/// and accept on request (its engine-free rules are tested in tools/TemplateAuthoring.Tests, Verification/).
/// </summary>
[Template("async-tests")]
public sealed class TemplateVerifierTests(TemplatePackage package)
{
    [Fact(Timeout = 120_000)]
    public async Task A_mismatch_fails_with_a_diff_and_leaves_a_received_folder()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var snapshots = new TemporaryDirectory("snapshots");
        var options = new TemplateVerifierOptions("async-tests")
        {
            ScenarioName = "mismatch",
            TemplateArgs = ["-n", "M.Tests", "--samples", "false", "--no-restore"],
            SnapshotsDirectory = snapshots.Path,
            Scrubbers = [Snapshots.PackageVersions],
        };
        var name = TemplateVerifier.SnapshotName(options);
        var verified = Path.Combine(snapshots.Path, name, "async-tests");
        Directory.CreateDirectory(verified);
        await File.WriteAllTextAsync(Path.Combine(verified, "TestTimeouts.cs"), "stale\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(verified, "Removed.cs"), "gone\n", cancellationToken);

        var failure = await Assert.ThrowsAsync<TemplateVerificationException>(
            () => package.Verifier.VerifyAsync(options with { AcceptChanges = false }, cancellationToken));

        Assert.Equal(TemplateVerificationErrorCode.VerificationFailed, failure.Code);
        Assert.Contains("changed file: async-tests/TestTimeouts.cs", failure.Message);
        Assert.Contains("deleted file: async-tests/Removed.cs", failure.Message);
        Assert.Contains("new file: async-tests/M.Tests.csproj", failure.Message);
        var received = Path.Combine(snapshots.Path, name + ".received");
        Assert.True(File.Exists(Path.Combine(received, "async-tests", "M.Tests.csproj")));
        // The run's own version of the pack's SDK is scrubbed, as package versions are.
        Assert.Contains("<Project Sdk=\"AsyncTestTemplates.Sdk/{version}\">", await File.ReadAllTextAsync(Path.Combine(received, "async-tests", "M.Tests.csproj"), cancellationToken));
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), await File.ReadAllTextAsync(Path.Combine(received, "std-streams", "stdout.txt"), cancellationToken));
        Assert.Equal("dotnet new async-tests -n M.Tests --samples false --no-restore\n", await File.ReadAllTextAsync(Path.Combine(received, "command.txt"), cancellationToken));
    }

    [Fact(Timeout = 120_000)]
    public async Task Accepting_replaces_the_verified_snapshot_and_then_it_matches()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var snapshots = new TemporaryDirectory("snapshots");
        var options = new TemplateVerifierOptions("async-tests")
        {
            TemplateArgs = ["-n", "A.Tests", "--samples", "false", "--no-restore"],
            SnapshotsDirectory = snapshots.Path,
        };
        var verifier = package.Verifier;

        await Assert.ThrowsAsync<TemplateVerificationException>(() => verifier.VerifyAsync(options with { AcceptChanges = false }, cancellationToken));
        await verifier.VerifyAsync(options with { AcceptChanges = true }, cancellationToken);
        await verifier.VerifyAsync(options with { AcceptChanges = false }, cancellationToken);

        var name = TemplateVerifier.SnapshotName(options);
        Assert.False(Directory.Exists(Path.Combine(snapshots.Path, name + ".received")));
        Assert.True(File.Exists(Path.Combine(snapshots.Path, name, "async-tests", "A.Tests.csproj")));
    }

    [Fact(Timeout = 120_000)]
    public async Task An_unknown_option_reports_the_engine_s_invalid_option_code()
    {
        var options = new TemplateVerifierOptions("async-tests") { TemplateArgs = ["--runner", "fast"], SnapshotsDirectory = "unused" };

        var failure = await Assert.ThrowsAsync<TemplateVerificationException>(
            () => package.Verifier.VerifyAsync(options, TestContext.Current.CancellationToken));

        Assert.Equal(TemplateVerificationErrorCode.InvalidOption, failure.Code);
    }
}
