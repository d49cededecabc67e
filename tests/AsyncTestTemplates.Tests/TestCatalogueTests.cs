using System.Reflection;
using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests;

/// <summary>
/// <c>--filter-trait Template=&lt;short name&gt;</c> runs one template's tests only if every
/// end-to-end test names the templates it generates, with names that exist.
/// </summary>
public sealed class TestCatalogueTests
{
    private static readonly IReadOnlyList<MethodInfo> EndToEndTests =
        typeof(TestCatalogueTests).Assembly.GetTypes()
            .Where(type => type.Namespace == "AsyncTestTemplates.Tests.EndToEnd" || type == typeof(CiWorkflowTests) || type == typeof(TemplateVerifierTests))
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttributes<FactAttribute>(inherit: true).Any())
            .ToList();

    [Fact]
    public void Every_end_to_end_test_names_the_templates_it_generates()
    {
        var untagged = EndToEndTests.Where(method => !method.GetCustomAttributes<TemplateAttribute>().Any() && !method.DeclaringType!.GetCustomAttributes<TemplateAttribute>().Any())
            .Select(Name).ToList();

        Assert.True(EndToEndTests.Count > 20, $"Only {EndToEndTests.Count} end-to-end tests found.");
        Assert.True(untagged.Count == 0, "Add [Template(\"<short name>\", …)] (or [Template] for a test of the packages alone) to:\n" + string.Join('\n', untagged));
    }

    [Fact]
    public void Every_named_template_exists_and_every_template_has_end_to_end_tests_and_snapshots()
    {
        var known = TemplateCatalog.All.Select(template => template.ShortName).ToHashSet(StringComparer.Ordinal);
        var named = EndToEndTests.SelectMany(method => TemplatesOf(method).Select(template => (Test: Name(method), Template: template))).ToList();
        var snapshotTemplates = SnapshotScenarios.All
            .Select(row => Assert.Single(row.Traits[TemplateAttribute.TraitName]))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(named.Where(pair => !known.Contains(pair.Template)).Select(pair => $"{pair.Test}: {pair.Template}"));
        Assert.Equal(known.Order(StringComparer.Ordinal), named.Select(pair => pair.Template).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(known.Order(StringComparer.Ordinal), snapshotTemplates.Order(StringComparer.Ordinal));
    }

    private static HashSet<string> TemplatesOf(MethodInfo method) =>
        method.GetCustomAttributes<TemplateAttribute>()
            .Concat(method.DeclaringType!.GetCustomAttributes<TemplateAttribute>())
            .SelectMany(attribute => attribute.ShortNames)
            .ToHashSet(StringComparer.Ordinal);

    private static string Name(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";
}
