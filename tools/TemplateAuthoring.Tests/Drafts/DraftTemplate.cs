using System.Text.Json.Nodes;

namespace AsyncTestTemplates.Authoring.Tests.Drafts;

/// <summary>
/// A small template that passes every rule, as editable JSON, for a test to break in exactly one
/// way. <see cref="DraftPack"/> writes it to disk.
/// </summary>
public sealed class DraftTemplate(string name)
{
    public string Name { get; } = name;

    public JsonObject Template { get; } = Parse($$"""
        {
          "author": "Tests",
          "classifications": [ "Test", "Async" ],
          "name": "Draft {{name}}",
          "identity": "Drafts.{{name}}",
          "groupIdentity": "Drafts.{{name}}",
          "precedence": "100",
          "shortName": "draft-{{name}}",
          "sourceName": "Draft",
          "generatorVersions": "[1.0.0.0-*)",
          "tags": { "language": "C#", "type": "project" },
          "symbols": {
            "runner": {
              "type": "parameter",
              "datatype": "choice",
              "displayName": "Test runner",
              "description": "Which runner 'dotnet test' uses.",
              "choices": [
                { "choice": "auto", "displayName": "Follow the repository", "description": "As global.json says." },
                { "choice": "vstest", "displayName": "VSTest", "description": "Always VSTest." }
              ],
              "defaultValue": "auto"
            },
            "testTimeout": {
              "type": "parameter",
              "datatype": "integer",
              "displayName": "Test timeout (seconds)",
              "description": "The per-test timeout.",
              "defaultValue": "30"
            },
            "IsVstest": { "type": "computed", "value": "(runner == \"vstest\")" }
          },
          "postActions": [
            {
              "id": "restore",
              "description": "Restore NuGet packages.",
              "manualInstructions": [ { "text": "Run 'dotnet restore'" } ],
              "actionId": "210D431B-A78B-4D2F-B762-4ED3E3EA9025",
              "continueOnError": true
            }
          ]
        }
        """);

    public JsonObject? IdeHost { get; set; } = Parse("""
        {
          "icon": "icon.png",
          "symbolInfo": [ { "id": "runner", "isVisible": true }, { "id": "testTimeout", "isVisible": true } ]
        }
        """);

    public JsonObject? CliHost { get; set; } = Parse("""
        {
          "symbolInfo": {
            "runner": { "longName": "runner", "shortName": "" },
            "testTimeout": { "longName": "test-timeout", "shortName": "" }
          },
          "usageExamples": [ "--runner vstest --test-timeout 10" ]
        }
        """);

    /// <summary>Files of the template other than its configuration, by path relative to its folder.</summary>
    public Dictionary<string, string> Files { get; } = new()
    {
        ["Draft.csproj"] = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="xunit.v3" Version="${XunitV3Version}" />
              </ItemGroup>
            </Project>
            """,
        [".template.config/icon.png"] = "not really a PNG: only its presence is checked",
    };

    /// <summary>Localization files by culture (<c>templatestrings.&lt;culture&gt;.json</c>).</summary>
    public Dictionary<string, JsonObject> Localizations { get; } = [];

    public JsonObject Symbol(string name) => Template["symbols"]![name]!.AsObject();

    public JsonObject PostAction(int index) => Template["postActions"]![index]!.AsObject();

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>The shape of templates/_options/: symbols and host entries only, nothing else.</summary>
    public static DraftTemplate Empty()
    {
        var shared = new DraftTemplate("_options");
        shared.Template.Clear();
        shared.Template["symbols"] = new JsonObject();
        shared.IdeHost = new JsonObject { ["symbolInfo"] = new JsonArray() };
        shared.CliHost = new JsonObject { ["symbolInfo"] = new JsonObject() };
        shared.Files.Clear();
        return shared;
    }
}
