using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace AsyncTestTemplates.Testing.Analyzers;

/// <summary>
/// The second half of the ATA1001 fix. xUnit1069 (an error in generated projects, with no fix of its own)
/// rejects a test that has a <c>Timeout</c> but never reads <c>TestContext.Current.CancellationToken</c>:
/// without the token, a timed-out test's code keeps running. So when the test does not read it yet, the fix
/// hands it to one place, in this order, and only to the first that fits:
/// (a) the first call that takes a <c>CancellationToken</c> and gets none (an optional parameter left out, or an
/// overload with the same parameters plus a token), as xUnit1051's fix would;
/// (b) else the first awaited <c>Task</c>, bounded: <c>await x</c> becomes <c>await x.WaitAsync(token)</c>
/// (<c>x.AsTask().WaitAsync(token)</c> for a <c>ValueTask</c>);
/// (c) else nothing: the test awaits nothing that could take the token.
/// </summary>
internal static class TestTokenUse
{
    /// <summary>Marks a token expression spelled <c>global::Xunit.TestContext...</c>, whose namespace must be imported.</summary>
    public static SyntaxAnnotation ImportXunit { get; } = new(nameof(ImportXunit));

    /// <summary>The node of the test's body to replace, and its replacement; <see langword="null"/> when nothing changes.</summary>
    public static (SyntaxNode Original, SyntaxNode Replacement)? Plan(SemanticModel model, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        SyntaxNode? body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        var testContext = model.Compilation.GetTypeByMetadataName("Xunit.TestContext");
        var iTestContext = model.Compilation.GetTypeByMetadataName("Xunit.ITestContext");
        var tokenType = model.Compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        if (body is null || testContext is null || iTestContext is null || tokenType is null || ReadsTestToken(model, body, iTestContext, cancellationToken))
        {
            return null;
        }

        var token = Token(model, body.SpanStart, testContext);
        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (PassToken(model, invocation, tokenType, token, cancellationToken) is { } passed)
            {
                return (invocation, passed);
            }
        }

        foreach (var awaited in body.DescendantNodes().OfType<AwaitExpressionSyntax>())
        {
            if (Bound(model, awaited.Expression, tokenType, token, cancellationToken) is { } bounded)
            {
                return (awaited.Expression, bounded);
            }
        }

        return null;
    }

    private static bool ReadsTestToken(SemanticModel model, SyntaxNode body, INamedTypeSymbol iTestContext, CancellationToken cancellationToken) =>
        body.DescendantNodes().OfType<IdentifierNameSyntax>().Any(name =>
            name.Identifier.ValueText == "CancellationToken"
            && model.GetSymbolInfo(name, cancellationToken).Symbol is IPropertySymbol property
            && SymbolEqualityComparer.Default.Equals(property.ContainingType, iTestContext));

    /// <summary><c>TestContext.Current.CancellationToken</c>, qualified (and marked for a <c>using Xunit;</c>) where <c>TestContext</c> does not bind.</summary>
    private static ExpressionSyntax Token(SemanticModel model, int position, INamedTypeSymbol testContext)
    {
        var inScope = model.LookupNamespacesAndTypes(position, name: testContext.Name)
            .Any(symbol => SymbolEqualityComparer.Default.Equals(symbol, testContext));
        return inScope
            ? SyntaxFactory.ParseExpression("TestContext.Current.CancellationToken")
            : SyntaxFactory.ParseExpression("global::Xunit.TestContext.Current.CancellationToken")
                .WithAdditionalAnnotations(Simplifier.Annotation, ImportXunit);
    }

    private static InvocationExpressionSyntax? PassToken(
        SemanticModel model, InvocationExpressionSyntax invocation, INamedTypeSymbol tokenType, ExpressionSyntax token, CancellationToken cancellationToken)
    {
        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var method = operation.TargetMethod;
        var arguments = invocation.ArgumentList.Arguments;
        var allPositional = arguments.All(argument => argument.NameColon is null);

        var index = -1;
        for (var i = 0; i < method.Parameters.Length && index < 0; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(method.Parameters[i].Type, tokenType))
            {
                index = i;
            }
        }

        if (index >= 0)
        {
            var left = operation.Arguments.FirstOrDefault(argument => SymbolEqualityComparer.Default.Equals(argument.Parameter, method.Parameters[index]));
            if (left is null || left.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return null;
            }

            var argument = allPositional && arguments.Count == index
                ? SyntaxFactory.Argument(token)
                : SyntaxFactory.Argument(SyntaxFactory.NameColon(method.Parameters[index].Name), default, token);
            return invocation.WithArgumentList(invocation.ArgumentList.AddArguments(argument));
        }

        // An overload with the same parameters and a token after them, called with every argument given in order.
        if (!allPositional || arguments.Count != method.Parameters.Length || method.IsGenericMethod || method.Parameters.Any(parameter => parameter.IsParams))
        {
            return null;
        }

        var declared = method.ReducedFrom ?? method;
        var wanted = declared.Parameters.Select(parameter => parameter.Type).Concat(new[] { (ITypeSymbol)tokenType }).ToList();
        var within = model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken);
        var hasOverload = declared.ContainingType.GetMembers(declared.Name).OfType<IMethodSymbol>().Any(candidate =>
            candidate.IsStatic == declared.IsStatic
            && candidate.Parameters.Length == wanted.Count
            && candidate.Parameters.Select(parameter => parameter.Type).SequenceEqual(wanted, SymbolEqualityComparer.Default)
            && (within is null || model.Compilation.IsSymbolAccessibleWithin(candidate, within.ContainingType ?? within)));
        return hasOverload ? invocation.WithArgumentList(invocation.ArgumentList.AddArguments(SyntaxFactory.Argument(token))) : null;
    }

    private static ExpressionSyntax? Bound(
        SemanticModel model, ExpressionSyntax awaited, INamedTypeSymbol tokenType, ExpressionSyntax token, CancellationToken cancellationToken)
    {
        var types = XunitTypes.TryCreate(model.Compilation);
        var type = model.GetTypeInfo(awaited, cancellationToken).Type;
        if (types?.Task is null || !types.IsTaskLike(type) || !HasWaitAsync(types.Task, tokenType))
        {
            return null;
        }

        var target = awaited.WithoutTrivia();
        if (target is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax))
        {
            target = SyntaxFactory.ParenthesizedExpression(target);
        }

        if (types.IsValueTask(type))
        {
            target = Call(target, "AsTask");
        }

        return Call(target, "WaitAsync", token).WithTriviaFrom(awaited);
    }

    private static bool HasWaitAsync(INamedTypeSymbol task, INamedTypeSymbol tokenType) =>
        task.GetMembers("WaitAsync").OfType<IMethodSymbol>().Any(method =>
            method.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, tokenType));

    private static InvocationExpressionSyntax Call(ExpressionSyntax target, string name, params ExpressionSyntax[] arguments) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, target, SyntaxFactory.IdentifierName(name)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Select(SyntaxFactory.Argument))));
}
