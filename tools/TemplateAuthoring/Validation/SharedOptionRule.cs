using AsyncTestTemplates.Authoring.Findings;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Validation;

/// <summary>
/// TPL0010: a shared option (<see cref="SharedOptions"/>) means the same everywhere — same symbol
/// name, long name, datatype and default — so a user's habits and scripts carry from one template
/// to the next. The first template (in path order) that has an option sets its type and default.
/// Templates of one kind (<c>tags.type</c>: project, item) go further: every symbol they have in
/// common, options and the computed and generated symbols behind them (the namespace steps, say),
/// has one definition, but for the descriptions of an option whose meaning is the template's own and
/// the symbols that are each template's own (<see cref="SharedOptions.OwnDefinition"/>).
/// </summary>
public sealed class SharedOptionRule : IPackRule
{
    public IEnumerable<Finding> Check(IReadOnlyList<TemplateFolder> templates) =>
        CheckNamesTypesAndDefaults(templates).Concat(CheckWholeDefinitions(templates));

    private static IEnumerable<Finding> CheckWholeDefinitions(IReadOnlyList<TemplateFolder> templates)
    {
        foreach (var kind in templates.GroupBy(template => template.Template.Root["tags"]?["type"].Text() ?? ""))
        {
            var first = new Dictionary<string, (TemplateFolder Template, TemplateSymbol Symbol)>(StringComparer.Ordinal);
            foreach (var template in kind)
            {
                foreach (var symbol in template.Symbols.Where(symbol => !SharedOptions.OwnDefinition.Contains(symbol.Name)))
                {
                    if (!first.TryGetValue(symbol.Name, out var reference))
                    {
                        first[symbol.Name] = (template, symbol);
                        continue;
                    }

                    // A shared option's type and default are compared across kinds too, with messages of their own.
                    if (SharedSymbolDefinitions.FirstDifference(symbol, reference.Symbol) is { } difference
                        && !(SharedOptions.All.Any(option => option.Symbol == symbol.Name) && difference is "datatype" or "dataType" or "defaultValue"))
                    {
                        yield return Finding.Error("TPL0010",
                            $"Symbol '{symbol.Name}' is defined otherwise than in '{reference.Template.Name}' (at '{difference}'): {kind.Key} templates share one definition of each symbol they have in common.",
                            template.Template.Path);
                    }
                }
            }
        }
    }

    private static IEnumerable<Finding> CheckNamesTypesAndDefaults(IReadOnlyList<TemplateFolder> templates)
    {
        foreach (var (symbolName, longName) in SharedOptions.All)
        {
            (TemplateFolder Template, TemplateSymbol Symbol)? reference = null;
            var defaultReferences = new Dictionary<string, (TemplateFolder Template, TemplateSymbol Symbol)>(StringComparer.Ordinal);
            foreach (var template in templates)
            {
                var longNames = template.LongNames;
                var symbol = template.Parameters.FirstOrDefault(p => p.Name == symbolName)
                    ?? template.Parameters.FirstOrDefault(p => longNames.GetValueOrDefault(p.Name) == longName);
                if (symbol is null)
                {
                    continue;
                }

                var file = template.Template.Path;
                var option = $"--{longName}";
                if (symbol.Name != symbolName)
                {
                    yield return Finding.Error("TPL0010", $"Shared option '{option}' is the symbol '{symbol.Name}' here; every template calls it '{symbolName}'.", file);
                }

                if (longNames.GetValueOrDefault(symbol.Name) is { } actual && actual != longName)
                {
                    yield return Finding.Error("TPL0010", $"Shared option '{symbolName}' has the long name '--{actual}' here; every template calls it '{option}'.", file);
                }

                var kind = SharedOptions.DefaultPerKind.Contains(symbolName) ? template.Template.Root["tags"]?["type"].Text() ?? "" : "";
                (TemplateFolder Template, TemplateSymbol Symbol)? defaultReference = defaultReferences.TryGetValue(kind, out var byKind) ? byKind : null;
                defaultReferences.TryAdd(kind, (template, symbol));
                if (reference is not { } first)
                {
                    reference = (template, symbol);
                    continue;
                }

                if (NormalizedType(symbol) != NormalizedType(first.Symbol))
                {
                    yield return Finding.Error("TPL0010",
                        $"Shared option '{option}' has the datatype '{symbol.DataType}' here but '{first.Symbol.DataType}' in '{first.Template.Name}'.", file);
                }

                if (defaultReference is { } sameKind && NormalizedDefault(symbol) != NormalizedDefault(sameKind.Symbol))
                {
                    yield return Finding.Error("TPL0010",
                        $"Shared option '{option}' has the default '{symbol.DefaultValue}' here but '{sameKind.Symbol.DefaultValue}' in '{sameKind.Template.Name}'.", file);
                }
            }
        }
    }

    // The engine accepts aliases for some datatypes.
    private static string NormalizedType(TemplateSymbol symbol) => symbol.DataType?.ToLowerInvariant() switch
    {
        "int" => "integer",
        "boolean" => "bool",
        "text" or null => "string",
        var type => type,
    };

    private static string NormalizedDefault(TemplateSymbol symbol) => (symbol.DefaultValue ?? "").ToLowerInvariant();
}
