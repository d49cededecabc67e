using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncTestTemplates.Testing.Analyzers;

/// <summary>
/// ATA1001: an async xunit v3 test (<c>[Fact]</c>, <c>[Theory]</c> or an attribute derived from them)
/// whose attribute sets no positive <c>Timeout</c>.
/// </summary>
/// <remarks>
/// Not reported: a skipped test (<c>Skip</c> without <c>SkipWhen</c>/<c>SkipUnless</c>); a synchronous test,
/// which xunit v3 fails when it has a timeout; a theory whose data rows all set their own <c>Timeout</c>;
/// a test whose derived attribute sets <c>Timeout</c> in its own source (constructor or override). A derived
/// attribute from a referenced assembly cannot be read that way and is reported: suppress the rule there.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TestWithoutTimeoutAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.TestWithoutTimeout);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = XunitTypes.TryCreate(start.Compilation);
            if (types is not null)
            {
                start.RegisterSymbolAction(symbol => Analyze(symbol, types), SymbolKind.Method);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, XunitTypes types)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.MethodKind != MethodKind.Ordinary || !types.IsAsyncTestReturnType(method.ReturnType))
        {
            return;
        }

        var attributes = method.GetAttributes();
        foreach (var attribute in attributes)
        {
            if (!types.IsTestAttribute(attribute.AttributeClass) || attribute.ApplicationSyntaxReference is null)
            {
                continue;
            }

            if (TestAttributes.HasTimeout(attribute)
                || TestAttributes.IsSkipped(attribute)
                || TestAttributes.TypeSetsTimeout(attribute.AttributeClass!, types, context.CancellationToken)
                || AllDataRowsHaveTimeout(attributes, types))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.TestWithoutTimeout,
                attribute.ApplicationSyntaxReference.GetSyntax(context.CancellationToken).GetLocation(),
                method.Name));
            return;
        }
    }

    /// <summary>A theory whose every data attribute sets a positive <c>Timeout</c> (at least one such attribute).</summary>
    private static bool AllDataRowsHaveTimeout(ImmutableArray<AttributeData> attributes, XunitTypes types)
    {
        var rows = 0;
        foreach (var attribute in attributes)
        {
            if (types.IsDataAttribute(attribute.AttributeClass))
            {
                if (!TestAttributes.HasTimeout(attribute))
                {
                    return false;
                }

                rows++;
            }
        }

        return rows > 0;
    }
}
