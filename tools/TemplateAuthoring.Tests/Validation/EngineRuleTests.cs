using System.Text.Json.Nodes;

namespace AsyncTestTemplates.Authoring.Tests.Validation;

/// <summary>The template engine's own rules (MV, CONFIG, LOC), one broken draft template each.</summary>
public sealed class EngineRuleTests
{
    private const string TemplateJson = "templates/a/.template.config/template.json : Template configuration";

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_draft_has_no_findings()
    {
        using var pack = new DraftPack("a");

        Assert.Empty(await pack.ValidateAsync(CancellationToken));
    }

    [Theory]
    [InlineData("identity", "MV001")]
    [InlineData("name", "MV002")]
    [InlineData("shortName", "MV003")]
    public async Task A_missing_mandatory_member_is_an_error(string member, string code)
    {
        using var pack = new DraftPack("a");
        pack.Single.Template.Remove(member);

        Assert.Equal([$"{TemplateJson} error {code}: Missing '{member}'."], await pack.ValidateAsync(CancellationToken));
    }

    [Theory]
    [InlineData("sourceName", "MV005")]
    [InlineData("author", "MV006")]
    [InlineData("groupIdentity", "MV007")]
    [InlineData("generatorVersions", "MV008")]
    [InlineData("precedence", "MV009")]
    public async Task A_missing_recommended_member_is_an_info(string member, string code)
    {
        using var pack = new DraftPack("a");
        pack.Single.Template.Remove(member);

        Assert.Equal([$"{TemplateJson} message {code}: Missing '{member}'."], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task Missing_classifications_are_an_info_and_hide_the_template_from_the_pack_tag()
    {
        using var pack = new DraftPack("a");
        pack.Single.Template.Remove("classifications");

        Assert.Equal(
        [
            $"{TemplateJson} message MV010: Missing 'classifications'.",
            $"{TemplateJson} error TPL0018: 'classifications' lacks 'Async' (dotnet new list --tag Async lists the pack).",
        ], await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_multi_choice_value_with_a_separator_is_MV004()
    {
        using var pack = new DraftPack("a");
        var runner = pack.Single.Symbol("runner");
        runner["allowMultipleValues"] = true;
        runner["choices"]![1]!["choice"] = "vs|test";

        Assert.Equal(
            [$"{TemplateJson} error MV004: Multi-choice symbol 'runner' has choices containing the separator characters '|' or ',': 'vs|test'."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_manual_instruction_without_text_is_MV011()
    {
        using var pack = new DraftPack("a");
        pack.Single.PostAction(0)["manualInstructions"] = new JsonArray(new JsonObject { ["id"] = "first" });

        Assert.Equal(
            [$"{TemplateJson} error MV011: Post action 'restore': manual instruction #1 has no 'text'."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_source_outside_the_package_is_MV012()
    {
        using var pack = new DraftPack("a");
        pack.Single.Template["sources"] = new JsonArray(new JsonObject { ["source"] = "../../shared/" });

        Assert.Equal(
            [$"{TemplateJson} error MV012: Source #1: 'source' '../../shared/' points outside the template package."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_target_outside_the_output_folder_is_MV012()
    {
        using var pack = new DraftPack("a");
        pack.Single.Template["sources"] = new JsonArray(new JsonObject { ["source"] = "./", ["target"] = "../" });

        Assert.Equal(
            [$"{TemplateJson} error MV012: Source #1: 'target' '../' points outside the output folder."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_source_in_a_sibling_folder_of_the_package_is_allowed()
    {
        using var pack = new DraftPack("a");
        pack.Single.Template["sources"] = new JsonArray(new JsonObject { ["source"] = "./" }, new JsonObject { ["source"] = "../_shared/" });

        Assert.Empty(await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_duplicate_post_action_id_is_CONFIG0201()
    {
        using var pack = new DraftPack("a");
        pack.Single.Template["postActions"]!.AsArray().Add(pack.Single.PostAction(0).DeepClone());

        Assert.Equal(
            [$"{TemplateJson} warning CONFIG0201: Post action id 'restore' is used by 2 post actions."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_post_action_without_actionId_is_CONFIG0202()
    {
        using var pack = new DraftPack("a");
        pack.Single.PostAction(0).Remove("actionId");

        Assert.Equal(
            [$"{TemplateJson} error CONFIG0202: Post action 'restore' has no 'actionId'."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_duplicate_manual_instruction_id_is_CONFIG0203()
    {
        using var pack = new DraftPack("a");
        pack.Single.PostAction(0)["manualInstructions"] = new JsonArray(
            new JsonObject { ["id"] = "cli", ["text"] = "Run 'dotnet restore'" },
            new JsonObject { ["id"] = "cli", ["text"] = "Run 'dotnet restore' again" });

        Assert.Equal(
            [$"{TemplateJson} warning CONFIG0203: Post action 'restore': manual instruction id 'cli' is used 2 times."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task An_unknown_file_rename_argument_is_CONFIG0204()
    {
        using var pack = new DraftPack("a");
        var restore = pack.Single.PostAction(0);
        restore["args"] = new JsonObject { ["files"] = "Draft.csproj" };
        restore["applyFileRenamesToArgs"] = new JsonArray("files", "projects");

        Assert.Equal(
            [$"{TemplateJson} warning CONFIG0204: Post action 'restore': 'applyFileRenamesToArgs' names 'projects', which is not one of its 'args'."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_localized_unknown_post_action_is_LOC001()
    {
        using var pack = new DraftPack("a");
        pack.Single.Localizations["de"] = new JsonObject { ["postActions/build/description"] = "Erstellt das Projekt." };

        Assert.Equal(
            ["templates/a/.template.config/localize/templatestrings.de.json : Template configuration error LOC001: 'templatestrings.de.json' localizes the post action 'build', which template.json does not have."],
            await pack.ValidateAsync(CancellationToken));
    }

    [Fact]
    public async Task A_localized_unknown_manual_instruction_is_LOC002()
    {
        using var pack = new DraftPack("a");
        pack.Single.Localizations["de"] = new JsonObject
        {
            ["postActions/restore/manualInstructions/default/text"] = "'dotnet restore' ausführen",
            ["postActions/restore/manualInstructions/ide/text"] = "Pakete wiederherstellen",
        };

        Assert.Equal(
            ["templates/a/.template.config/localize/templatestrings.de.json : Template configuration error LOC002: 'templatestrings.de.json' localizes the manual instruction 'ide' of post action 'restore', which it does not have."],
            await pack.ValidateAsync(CancellationToken));
    }
}
