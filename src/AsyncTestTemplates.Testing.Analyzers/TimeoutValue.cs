using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace AsyncTestTemplates.Testing.Analyzers;

/// <summary>The value the ATA1001 fix gives <c>Timeout</c>: the project's <c>TestTimeouts.Default</c>, else a literal.</summary>
internal static class TimeoutValue
{
    public const string HolderName = "TestTimeouts";

    public const string ConstantName = "Default";

    /// <summary>Used where no <c>TestTimeouts</c> class with a <c>const int Default</c> is in reach (30 s, the templates' default).</summary>
    public const int FallbackMilliseconds = 30_000;

    public static ExpressionSyntax For(SemanticModel model, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        var within = attribute.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type
            ? model.GetDeclaredSymbol(type, cancellationToken)
            : null;
        if (within is null)
        {
            return Fallback();
        }

        // A TestTimeouts that binds where the test is (same namespace, an imported one, or nested): its simple name.
        foreach (var symbol in model.LookupNamespacesAndTypes(attribute.SpanStart, name: HolderName))
        {
            if (symbol is INamedTypeSymbol holder && HasDefault(holder, model.Compilation, within))
            {
                return SyntaxFactory.ParseExpression($"{HolderName}.{ConstantName}");
            }
        }

        // One elsewhere in the project: fully qualified, then shortened by the simplifier to a name that still binds.
        var elsewhere = model.Compilation
            .GetSymbolsWithName(name => name == HolderName, SymbolFilter.Type, cancellationToken)
            .OfType<INamedTypeSymbol>()
            .Where(holder => HasDefault(holder, model.Compilation, within))
            .Select(holder => holder.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .FirstOrDefault();
        return elsewhere is null
            ? Fallback()
            : SyntaxFactory.ParseExpression($"{elsewhere}.{ConstantName}").WithAdditionalAnnotations(Simplifier.Annotation);
    }

    private static bool HasDefault(INamedTypeSymbol holder, Compilation compilation, ISymbol within) =>
        compilation.IsSymbolAccessibleWithin(holder, within)
        && holder.GetMembers(ConstantName).OfType<IFieldSymbol>().Any(field =>
            field.IsConst && field.Type.SpecialType == SpecialType.System_Int32 && compilation.IsSymbolAccessibleWithin(field, within));

    private static ExpressionSyntax Fallback() =>
        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal("30_000", FallbackMilliseconds));
}
