using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AsyncTestTemplates.Testing.Analyzers;

/// <summary>
/// ATA1002: in an xunit v3 test, a local variable initialised with a started task (the result of a call
/// returning <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>) that the test never
/// reads again: not awaited, returned, passed on, or used at all.
/// </summary>
/// <remarks>
/// CS4014 and VSTHRD110 stay silent once the task is assigned, so this is the fire-and-forget that slips
/// past them. Any later read of the variable counts as use (even <c>t.IsCompleted</c>): the rule does not try
/// to prove the task is observed, only that nobody looks at it, which keeps false positives away. Tasks made
/// already complete (<c>Task.FromResult</c>, <c>Task.FromException</c>, <c>Task.FromCanceled</c>) are ignored.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnobservedTaskLocalAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnobservedTaskLocal);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = XunitTypes.TryCreate(start.Compilation);
            if (types is not null)
            {
                start.RegisterOperationBlockAction(block => Analyze(block, types));
            }
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, XunitTypes types)
    {
        if (context.OwningSymbol is not IMethodSymbol method || !types.IsTestMethod(method))
        {
            return;
        }

        var started = new List<IVariableDeclaratorOperation>();
        var read = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (var block in context.OperationBlocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when StartsTask(declarator, types):
                        started.Add(declarator);
                        break;
                    case ILocalReferenceOperation reference when !reference.IsDeclaration:
                        read.Add(reference.Local);
                        break;
                }
            }
        }

        foreach (var declarator in started)
        {
            if (!read.Contains(declarator.Symbol))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.UnobservedTaskLocal, declarator.Syntax.GetLocation(), declarator.Symbol.Name));
            }
        }
    }

    private static bool StartsTask(IVariableDeclaratorOperation declarator, XunitTypes types)
    {
        var value = declarator.GetVariableInitializer()?.Value;
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value is IInvocationOperation invocation
            && types.IsTaskLike(invocation.Type)
            && !IsAlreadyComplete(invocation.TargetMethod, types);
    }

    private static bool IsAlreadyComplete(IMethodSymbol method, XunitTypes types) =>
        (SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Task)
            || SymbolEqualityComparer.Default.Equals(method.ContainingType, types.ValueTask))
        && method.Name is "FromResult" or "FromException" or "FromCanceled";
}
