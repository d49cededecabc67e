using System.Text.Json.Nodes;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Tests.Validation;

/// <summary>The one list of the pack's templates that the tool, the tests and the scripts read.</summary>
public sealed class TemplateCatalogueTests
{
    [Fact]
    public async Task Each_template_is_listed_once_by_short_name_with_its_kind_and_the_shared_options_are_no_template()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var pack = new DraftPack("c", "a", "b");
        pack.Templates[1].Template["tags"]!["type"] = "item";
        pack.Templates[0].Template["classifications"] = new JsonArray("Async");
        pack.Share("testTimeout");
        await pack.WriteAsync(cancellationToken);
        Directory.CreateDirectory(pack.PathOf(pack.Templates[2], "bin", ".template.config"));
        await File.WriteAllTextAsync(pack.PathOf(pack.Templates[2], "bin", ".template.config", "template.json"), "{ \"shortName\": \"left-over\" }", cancellationToken);

        var entries = TemplateCatalogue.Read(pack.TemplatesRoot);

        Assert.Equal(
            [("draft-a", TemplateKind.Item), ("draft-b", TemplateKind.TestProject), ("draft-c", TemplateKind.Repository)],
            entries.Select(entry => (entry.ShortName, entry.Kind)));
    }
}
