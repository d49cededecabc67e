using AsyncTestTemplates.Authoring.Packaging;
using NJsonSchema;

namespace AsyncTestTemplates.Authoring.Tests.Repository;

/// <summary>
/// Template and runner configuration checked against the public JSON schemas. The schemas are
/// public data kept beside the repository (../shared/schemas), never copied into it: where that
/// folder is absent, as in a fresh clone, these tests report themselves skipped.
/// </summary>
public sealed class TemplateSchemaTests
{
    private static string SchemasDirectory => Path.Combine(RepositoryPaths.Shared, "schemas");

    [Fact(Timeout = 120_000)]
    public async Task Template_configuration_matches_the_public_schemas()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var checker = Path.Combine(RepositoryPaths.Shared, "tools", "check-template-schemas.py");
        SkipUnlessPresent(checker);

        // The templates as written, and as packed: each with the shared options it lists merged in.
        using var staged = new TemporaryDirectory("schemas");
        Assert.Empty(await TemplateStager.StageAsync(RepositoryPaths.Templates, staged.Path, RepositoryPaths.VersionsFile, "1.0.0-schemas", cancellationToken));
        foreach (var templates in (string[])[RepositoryPaths.Templates, staged.Path])
        {
            var result = await ProcessRunner.RunAsync("python3", [checker, templates], RepositoryPaths.Root, TimeSpan.FromMinutes(1), cancellationToken);

            // Exit 3: the checker's Python has no jsonschema module; nothing was checked.
            Assert.SkipWhen(result.ExitCode == 3, $"The schema checker could not run: {result.Output.Trim()}");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("0 problems", result.StandardOutput);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_xunit_runner_json_matches_the_xunit_schema()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var schemaFile = Path.Combine(SchemasDirectory, "xunit.runner.schema.json");
        SkipUnlessPresent(schemaFile);
        var schema = await JsonSchema.FromFileAsync(schemaFile, cancellationToken);
        var files = Directory.GetFiles(RepositoryPaths.Templates, "xunit.runner.json", SearchOption.AllDirectories);

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var errors = schema.Validate(await File.ReadAllTextAsync(file, cancellationToken));
            Assert.True(errors.Count == 0, $"{file}: {string.Join("; ", errors)}");
        }
    }

    private static void SkipUnlessPresent(string path) =>
        Assert.SkipUnless(File.Exists(path), $"{path} is absent (the schemas live beside the repository, not in it).");
}
