using System.Text.Json.Nodes;

namespace AsyncTestTemplates.Authoring.Tests.Validation;

/// <summary>This pack's own rules (ATT…), one broken draft template (or pair of templates) each.</summary>
public sealed class AuthoringRuleTests
{
    private const string TemplateJson = "templates/a/.template.config/template.json : Template configuration";
    private const string IdeHost = "templates/a/.template.config/ide.host.json : Template configuration";
    private const string CliHost = "templates/a/.template.config/dotnetcli.host.json : Template configuration";

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_parameter_without_description_is_TPL0001()
    {
        using var pack = new DraftPack("a");
        pack.Single.Symbol("testTimeout").Remove("description");

        Assert.Equal([$"{TemplateJson} error TPL0001: Parameter 'testTimeout' has no 'description'."], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_parameter_without_display_name_is_TPL0002()
    {
        using var pack = new DraftPack("a");
        pack.Single.Symbol("testTimeout")["displayName"] = " ";

        Assert.Equal([$"{TemplateJson} error TPL0002: Parameter 'testTimeout' has no 'displayName'."], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_choice_without_description_is_TPL0003()
    {
        using var pack = new DraftPack("a");
        pack.Single.Symbol("runner")["choices"]![1]!.AsObject().Remove("description");

        Assert.Equal([$"{TemplateJson} error TPL0003: Choice 'vstest' of parameter 'runner' has no 'description'."], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_parameter_hidden_from_the_IDE_is_TPL0004()
    {
        using var pack = new DraftPack("a");
        pack.Single.IdeHost!["symbolInfo"]![1]!["isVisible"] = false;

        Assert.Equal([$"{IdeHost} error TPL0004: Parameter 'testTimeout' is not visible in ide.host.json."], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_parameter_without_a_long_name_is_TPL0005()
    {
        using var pack = new DraftPack("a");
        pack.Single.CliHost!["symbolInfo"]!.AsObject().Remove("testTimeout");

        Assert.Equal([$"{CliHost} error TPL0005: Parameter 'testTimeout' has no kebab-case 'longName' in dotnetcli.host.json."], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_long_name_that_is_not_kebab_case_is_TPL0005()
    {
        using var pack = new DraftPack("a");
        pack.Single.Template["symbols"]!["retries"] = new JsonObject
        {
            ["type"] = "parameter", ["datatype"] = "integer", ["displayName"] = "Retries", ["description"] = "How often to retry.", ["defaultValue"] = "3",
        };
        pack.Single.IdeHost!["symbolInfo"]!.AsArray().Add(new JsonObject { ["id"] = "retries", ["isVisible"] = true });
        pack.Single.CliHost!["symbolInfo"]!["retries"] = new JsonObject { ["longName"] = "maxRetries" };

        Assert.Equal(
            [$"{CliHost} error TPL0005: Parameter 'retries' has the long name 'maxRetries' in dotnetcli.host.json, which is not kebab-case."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_guard_hidden_from_both_hosts_passes_and_one_offered_by_either_host_is_TPL0019()
    {
        using var pack = new DraftPack("a");
        pack.Single.Template["symbols"]!["TestTimeoutGuard"] = new JsonObject
        {
            ["type"] = "parameter", ["datatype"] = "bool", ["displayName"] = "--test-timeout-must-be-1-or-more-seconds",
            ["description"] = "Stops dotnet new when --test-timeout is 0 or less.", ["isRequired"] = "(testTimeout <= 0)",
        };
        pack.Single.CliHost!["symbolInfo"]!["TestTimeoutGuard"] = new JsonObject { ["longName"] = "test-timeout-must-be-1-or-more-seconds", ["isHidden"] = true };

        // Not listed in ide.host.json and hidden from --help: no TPL0004 for the guard, nothing at all.
        Assert.Empty(await pack.ValidateAsync(CancellationToken));

        pack.Single.CliHost!["symbolInfo"]!["TestTimeoutGuard"]!["isHidden"] = false;
        pack.Single.IdeHost!["symbolInfo"]!.AsArray().Add(new JsonObject { ["id"] = "TestTimeoutGuard", ["isVisible"] = true });

        Assert.Equal(
        [
            $"{IdeHost} error TPL0019: Guard parameter 'TestTimeoutGuard' (isRequired is a condition) is visible in ide.host.json: the dialog would offer it as an option.",
            $"{CliHost} error TPL0019: Guard parameter 'TestTimeoutGuard' (isRequired is a condition) is not hidden in dotnetcli.host.json (\"isHidden\": true): --help would offer it as an option.",
        ], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_parameter_required_always_is_no_guard_and_still_needs_the_IDE_TPL0004()
    {
        using var pack = new DraftPack("a");
        pack.Single.Symbol("testTimeout")["isRequired"] = "true";
        pack.Single.IdeHost!["symbolInfo"]![1]!["isVisible"] = false;

        Assert.Equal([$"{IdeHost} error TPL0004: Parameter 'testTimeout' is not visible in ide.host.json."], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task Two_templates_with_one_identity_are_TPL0006()
    {
        using var pack = new DraftPack("a", "b");
        pack.Templates[1].Template["identity"] = "Drafts.a";

        Assert.Equal(
        [
            $"{TemplateJson} error TPL0006: Identity 'Drafts.a' is also used by 'b'.",
            "templates/b/.template.config/template.json : Template configuration error TPL0006: Identity 'Drafts.a' is also used by 'a'.",
        ], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task Two_templates_with_one_short_name_are_TPL0007()
    {
        using var pack = new DraftPack("a", "b");
        pack.Templates[1].Template["shortName"] = new JsonArray("draft-b", "draft-a");

        Assert.Equal(
        [
            $"{TemplateJson} error TPL0007: Short name 'draft-a' is also used by 'b'.",
            "templates/b/.template.config/template.json : Template configuration error TPL0007: Short name 'draft-a' is also used by 'a'.",
        ], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_short_name_of_the_SDK_is_TPL0008()
    {
        using var pack = new DraftPack("a");
        pack.Single.Template["shortName"] = "xunit";

        Assert.Equal([$"{TemplateJson} error TPL0008: Short name 'xunit' is already a template of the .NET SDK."], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_post_action_without_id_is_TPL0009()
    {
        using var pack = new DraftPack("a");
        pack.Single.PostAction(0).Remove("id");

        Assert.Equal([$"{TemplateJson} error TPL0009: Post action #1 has no 'id' (its localization keys need one)."], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_literal_package_version_is_TPL0011()
    {
        using var pack = new DraftPack("a");
        pack.Single.Files["Draft.csproj"] = """<Project><ItemGroup><PackageReference Include="xunit.v3" Version="4.0.2" /></ItemGroup></Project>""";

        Assert.Equal(
            ["templates/a/Draft.csproj : Template configuration error TPL0011: Package 'xunit.v3' has the literal version '4.0.2': use a ${Name} token defined in Versions.props."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_version_from_an_msbuild_property_is_no_literal()
    {
        using var pack = new DraftPack("a");
        pack.Single.Files["Draft.csproj"] = """<Project Sdk="AsyncTestTemplates.Sdk/${XunitV3Version}"><ItemGroup><PackageReference Include="AsyncTestTemplates.Testing.Hosting" Version="$(AsyncTestTemplatesSdkVersion)" /></ItemGroup></Project>""";

        Assert.Empty(await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_literal_project_sdk_version_is_TPL0011()
    {
        using var pack = new DraftPack("a");
        pack.Single.Files["Draft.csproj"] = """<Project Sdk="AsyncTestTemplates.Sdk/0.2.0"></Project>""";

        Assert.Equal(
            ["templates/a/Draft.csproj : Template configuration error TPL0011: Package 'AsyncTestTemplates.Sdk' has the literal version '0.2.0': use a ${Name} token defined in Versions.props."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task An_unknown_version_token_is_TPL0100()
    {
        using var pack = new DraftPack("a");
        pack.Versions.Clear();
        pack.Versions["XunitVersion"] = "4.0.2";

        Assert.Equal(
            [$"templates/a/Draft.csproj : Template configuration error TPL0100: Unknown version token '${{XunitV3Version}}': define XunitV3Version in {pack.VersionsFile}."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_workflow_file_carries_version_tokens_and_keeps_its_own_expressions()
    {
        // async-ci's workflows (.yml) take a tool version from Versions.props; GitHub's ${{ }} and
        // Azure's $( ) expressions are not tokens.
        using var pack = new DraftPack("a");
        pack.Single.Files["tests.yml"] = "run: dotnet tool install x --version ${ToolVersion} --tool-path ${{ runner.temp }} $(Agent.TempDirectory)\n";

        Assert.Equal(
            [$"templates/a/tests.yml : Template configuration error TPL0100: Unknown version token '${{ToolVersion}}': define ToolVersion in {pack.VersionsFile}."],
            await pack.ValidateAsync(CancellationToken));

        pack.Versions["ToolVersion"] = "5.6.0";
        Assert.Empty(await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task An_IDE_host_without_icon_is_TPL0012()
    {
        using var pack = new DraftPack("a");
        pack.Single.IdeHost!.Remove("icon");

        Assert.Equal([$"{IdeHost} error TPL0012: ide.host.json has no 'icon'."], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_missing_icon_file_is_TPL0012()
    {
        using var pack = new DraftPack("a");
        pack.Single.Files.Remove(".template.config/icon.png");

        Assert.Equal([$"{IdeHost} error TPL0012: The icon 'icon.png' named in ide.host.json does not exist."], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task An_item_template_without_appliesTo_or_constraints_is_TPL0016()
    {
        using var pack = new DraftPack("a");
        pack.Single.Template["tags"]!["type"] = "item";

        Assert.Equal(
        [
            $"{IdeHost} error TPL0016: Item template has no 'appliesTo' in ide.host.json (the IDE would offer it in every project).",
            $"{TemplateJson} error TPL0016: Item template has no 'constraints' (dotnet new would add it to any folder).",
        ], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task An_item_template_with_appliesTo_and_constraints_passes()
    {
        using var pack = new DraftPack("a");
        pack.Single.Template["tags"]!["type"] = "item";
        pack.Single.Template["constraints"] = DraftTemplate.Parse("""{ "csharp": { "type": "project-capability", "args": "CSharp & TestContainer" } }""");
        pack.Single.IdeHost!["appliesTo"] = "CSharp + TestContainer";

        Assert.Empty(await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_command_line_host_without_usage_examples_is_TPL0017()
    {
        using var pack = new DraftPack("a");
        pack.Single.CliHost!.Remove("usageExamples");

        Assert.Equal([$"{CliHost} error TPL0017: dotnetcli.host.json has no 'usageExamples'."], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task Classifications_without_the_pack_tag_are_TPL0018()
    {
        using var pack = new DraftPack("a");
        pack.Single.Template["classifications"] = new JsonArray("Test");

        Assert.Equal(
            [$"{TemplateJson} error TPL0018: 'classifications' lacks 'Async' (dotnet new list --tag Async lists the pack)."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task Configuration_that_is_not_JSON_is_TPL0015()
    {
        using var pack = new DraftPack("a");
        await pack.WriteAsync(CancellationToken);
        await DraftPack.WriteTextAsync(pack.PathOf(pack.Single, ".template.config", "template.json"), "{ \"name\": ", CancellationToken);

        // The engine cannot load such a template at all, so nothing else is checked.
        var finding = Assert.Single(await pack.ValidateAsWrittenAsync(CancellationToken));
        Assert.StartsWith($"{TemplateJson} error TPL0015: 'template.json' is not a valid JSON object: ", finding);
    }
}
