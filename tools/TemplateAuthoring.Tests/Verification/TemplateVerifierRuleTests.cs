using AsyncTestTemplates.Verification;

namespace AsyncTestTemplates.Authoring.Tests.Verification;

/// <summary>The snapshot verifier's rules that need no engine: names, portable paths, the diff, leftover template conditionals.</summary>
public sealed class TemplateVerifierRuleTests
{
    [Fact]
    public void A_snapshot_is_named_template_slash_scenario_and_records_its_command_line()
    {
        var options = new TemplateVerifierOptions("async-tests") { SnapshotsDirectory = "unused", ScenarioName = "sut", TemplateArgs = ["--sut", "../a/B.csproj", "-n", "2024 db"] };

        Assert.Equal("async-tests/sut", TemplateVerifier.SnapshotName(options));
        Assert.Equal("async-tests/_", TemplateVerifier.SnapshotName(options with { ScenarioName = null }));
        Assert.Equal("dotnet new async-tests --sut ../a/B.csproj -n \"2024 db\"", TemplateVerifier.CommandLine(options));
    }

    [Fact]
    public void Generated_file_names_with_non_ASCII_characters_or_spaces_are_stored_escaped()
    {
        Assert.Equal("async-tests/2024-%C3%9Cn%C3%AFcode.Tests.csproj", TemplateVerifier.PortablePath("async-tests/2024-Ünïcode.Tests.csproj"));
        Assert.Equal("2024%20db-fixture.cs", TemplateVerifier.PortablePath("2024 db-fixture.cs"));
        Assert.Equal("Samples/CodeUnderTest/Order.cs", TemplateVerifier.PortablePath("Samples/CodeUnderTest/Order.cs"));
    }

    [Theory]
    [InlineData("Sut")]
    [InlineData("odd name")]
    [InlineData("sut#--sut")]
    [InlineData("ünï")]
    [InlineData("-lead")]
    public void A_scenario_name_that_would_make_a_long_or_unportable_path_is_refused(string scenario)
    {
        var options = new TemplateVerifierOptions("async-tests") { SnapshotsDirectory = "unused", ScenarioName = scenario };

        var refusal = Assert.Throws<ArgumentException>(() => TemplateVerifier.SnapshotName(options));

        Assert.Contains($"'{scenario}'", refusal.Message);
    }

    [Fact]
    public void A_comparison_names_new_deleted_and_changed_files_with_a_line_diff()
    {
        var verified = new Dictionary<string, string> { ["kept.txt"] = "one\ntwo\nthree\n", ["gone.txt"] = "x" };
        var received = new Dictionary<string, string> { ["kept.txt"] = "one\n2\nthree\n", ["added.txt"] = "y" };

        var report = SnapshotComparison.Describe(verified, received);

        Assert.Contains("new file: added.txt", report);
        Assert.Contains("deleted file: gone.txt", report);
        Assert.Contains("changed file: kept.txt", report);
        Assert.Contains("- two", report);
        Assert.Contains("+ 2", report);
        Assert.Empty(SnapshotComparison.Describe(verified, verified));
    }

    [Fact]
    public void Template_conditionals_left_in_the_output_are_found_but_CSharp_preprocessor_lines_are_not()
    {
        const string RunSettings = "<DataCollectors>\n<!--#if (coverage) -->\n  <DataCollector />\n<!--#endif -->\n</DataCollectors>\n";
        const string Json = "{\n  //#if (coverage)\n  \"a\": 1\n  //#endif\n}\n";
        const string EditorConfig = "[*.cs]\n# if a rule is noisy, say so\n#if (strict)\nx = 1\n#endif\n";
        const string CSharp = "#if NET9_0_OR_GREATER\nusing System.Threading;\n#endif\n//#if (samples)\n##if (helpers)\n";

        Assert.Equal(["t/test.runsettings:2: <!--#if (coverage) -->", "t/test.runsettings:4: <!--#endif -->"], LeftoverDirectives.In("t/test.runsettings", RunSettings));
        Assert.Equal(["t/testconfig.json:2: //#if (coverage)", "t/testconfig.json:4: //#endif"], LeftoverDirectives.In("t/testconfig.json", Json));
        Assert.Equal(["t/.editorconfig:3: #if (strict)", "t/.editorconfig:5: #endif"], LeftoverDirectives.In("t/.editorconfig", EditorConfig));
        Assert.Equal(["t/A.cs:4: //#if (samples)", "t/A.cs:5: ##if (helpers)"], LeftoverDirectives.In("t/A.cs", CSharp));
    }
}
