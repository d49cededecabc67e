using System.Text.RegularExpressions;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests.EndToEnd;

/// <summary>
/// Timeout option values (and async-ci shard counts) the engine's integer type lets through but no project can use (0, negative,
/// a session shorter than the hang timeout) stop `dotnet new` before it writes anything, with the
/// option and its valid range in the message; `--help` says each timeout's unit and default.
/// </summary>
public sealed partial class OptionValueTests(TemplatePackage package)
{
    private static readonly string[] ProjectTemplates = ["async-tests", "async-hosted-tests", "async-integration-tests"];

    /// <summary>Arguments, and the guard's long name that `dotnet new` then prints as the message.</summary>
    private static readonly (string[] Arguments, string Message)[] BadValues =
    [
        (["--test-timeout", "0"], "--test-timeout-must-be-1-to-86400-seconds"),
        (["--test-timeout", "-5"], "--test-timeout-must-be-1-to-86400-seconds"),
        // Above a day: 99999999 s in milliseconds is no int, and TestTimeouts.cs would not compile (CS0220).
        (["--test-timeout", "99999999"], "--test-timeout-must-be-1-to-86400-seconds"),
        (["--hang-timeout", "0"], "--hang-timeout-must-be-1-to-86400-seconds"),
        (["--hang-timeout", "86401"], "--hang-timeout-must-be-1-to-86400-seconds"),
        (["--session-timeout", "-1"], "--session-timeout-must-be-1-to-1440-minutes"),
        (["--session-timeout", "1441"], "--session-timeout-must-be-1-to-1440-minutes"),
        (["--session-timeout", "1", "--hang-timeout", "61"], "--session-timeout-must-last-at-least-as-long-as-hang-timeout"),
    ];

    [Theory(Timeout = EndToEndLimits.Test)]
    [InlineData("async-tests")]
    [InlineData("async-hosted-tests")]
    [InlineData("async-integration-tests")]
    [Template("async-tests", "async-hosted-tests", "async-integration-tests")]
    public async Task Bad_timeout_values_stop_dotnet_new_with_the_option_and_range_named_and_nothing_written(string template)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("bad-timeouts");

        foreach (var (arguments, message) in BadValues)
        {
            var result = await package.NewAsync(root.Path, cancellationToken, [template, "-n", "X.Tests", "-o", "X.Tests", "--no-restore", .. arguments]);

            Assert.True(result.ExitCode == 102, result.ToString());
            Assert.Contains($"'{message}'", result.Output, StringComparison.Ordinal);
            // No file at all. The engine creates the output folder before it checks conditionally
            // required options (TemplateCreator), so the folder itself is there, and empty.
            Assert.Empty(Directory.GetFiles(root.Path, "*", SearchOption.AllDirectories));
        }

        // A hang timeout below the per-test timeout stays allowed (the fault matrix relies on it), and
        // a session of exactly the hang timeout is enough.
        var allowed = await package.NewAsync(root.Path, cancellationToken,
            template, "-n", "X.Tests", "-o", "X.Tests", "--no-restore", "--test-timeout", "90", "--hang-timeout", "60", "--session-timeout", "1");
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.True(File.Exists(Path.Combine(root.Path, "X.Tests", "X.Tests.csproj")), allowed.ToString());
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-tests")]
    public async Task The_largest_timeouts_allowed_give_a_project_that_builds_warning_free()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("max-timeouts");
        var project = await GeneratedProject.CreateAsync(package, root.Combine("X.Tests"), cancellationToken,
            "-n", "X.Tests", "--samples", "false", "--coverage", "false", "--test-timeout", "86400", "--hang-timeout", "86400", "--session-timeout", "1440");

        await project.BuildAsync(cancellationToken);

        Assert.Contains("TestTimeoutSeconds = 86400;", await File.ReadAllTextAsync(Path.Combine(project.Directory, "TestTimeouts.cs"), cancellationToken));
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-test-settings")]
    public async Task Bad_timeout_values_stop_async_test_settings_and_the_project_is_left_as_it_was()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("bad-settings-timeouts");
        var directory = root.Combine("HandMade.Tests");
        var projectFile = await HandMadeProject.WriteAsync(directory, "HandMade.Tests", cancellationToken);
        var restore = await Dotnet.RunAsync(directory, TimeSpan.FromMinutes(5), cancellationToken, "restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        var projectBefore = await File.ReadAllTextAsync(projectFile, cancellationToken);
        var filesBefore = SourceFiles(directory);

        foreach (var (arguments, message) in BadValues.Where(b => !b.Arguments.Contains("--session-timeout")))
        {
            var result = await package.NewAsync(directory, cancellationToken, ["async-test-settings", .. arguments]);

            Assert.True(result.ExitCode == 102, result.ToString());
            Assert.Contains($"'{message}'", result.Output, StringComparison.Ordinal);
        }

        Assert.Equal(filesBefore, SourceFiles(directory));
        Assert.Equal(projectBefore, await File.ReadAllTextAsync(projectFile, cancellationToken));
    }

    [Theory(Timeout = EndToEndLimits.Test)]
    [InlineData("0")]
    [InlineData("-2")]
    [Template("async-ci")]
    public async Task A_shard_count_below_one_stops_async_ci_with_the_option_named_and_nothing_written(string shards)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("bad-shards");

        var result = await package.NewAsync(root.Path, cancellationToken, "async-ci", "--shards", shards);

        Assert.True(result.ExitCode == 102, result.ToString());
        Assert.Contains("'--shards-must-be-1-or-more'", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(root.Path, "*", SearchOption.AllDirectories));
        var help = await package.NewAsync(root.Path, cancellationToken, "async-ci", "--help");
        Assert.DoesNotContain("-must-", help.StandardOutput, StringComparison.Ordinal);
    }

    [Fact(Timeout = EndToEndLimits.Test)]
    [Template("async-tests", "async-hosted-tests", "async-integration-tests", "async-test-settings", "async-ci")]
    public async Task Help_of_every_template_gives_each_timeout_option_its_unit_and_default_and_hides_the_guards()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = new TemporaryDirectory("timeout-help");
        var expected = new Dictionary<string, string>
        {
            ["--test-timeout"] = "in seconds (default 30; 1 to 86400,",
            ["--session-timeout"] = "in minutes (default 30; 1 to 1440,",
            ["--hang-timeout"] = "in seconds (default 300; 1 to 86400,",
        };

        foreach (var template in ProjectTemplates.Append("async-test-settings"))
        {
            var help = await package.NewAsync(root.Path, cancellationToken, template, "--help");
            Assert.True(help.ExitCode == 0, help.ToString());
            // --help wraps descriptions in a column: read it as one line per option.
            var text = Whitespace().Replace(help.StandardOutput, " ");
            var options = expected.Where(option => text.Contains($"{option.Key} <", StringComparison.Ordinal)).ToList();

            Assert.True(options.Count >= 2, $"{template}: {help}");
            foreach (var (option, unit) in options)
            {
                var description = text[text.IndexOf($"{option} <", StringComparison.Ordinal)..];
                Assert.Contains(unit, description[..Math.Min(description.Length, 120)], StringComparison.Ordinal);
            }

            Assert.DoesNotContain("-must-", text, StringComparison.Ordinal);
        }
    }

    private static string[] SourceFiles(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
