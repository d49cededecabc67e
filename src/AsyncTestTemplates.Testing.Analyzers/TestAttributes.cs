using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AsyncTestTemplates.Testing.Analyzers;

/// <summary>What a test's (or data row's) attribute says about its timeout and skipping.</summary>
internal static class TestAttributes
{
    public const string Timeout = nameof(Timeout);

    /// <summary>A <c>Timeout</c> named argument above zero (xunit treats zero and below as "no timeout").</summary>
    public static bool HasTimeout(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == Timeout && argument.Value.Value is int milliseconds && milliseconds > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An unconditional skip: <c>Skip</c> set and neither <c>SkipWhen</c> nor <c>SkipUnless</c>.</summary>
    public static bool IsSkipped(AttributeData attribute)
    {
        var skip = false;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Skip":
                    skip = argument.Value.Value is string reason && reason.Length > 0;
                    break;
                case "SkipWhen":
                case "SkipUnless":
                    if (argument.Value.Value is not null)
                    {
                        return false;
                    }

                    break;
            }
        }

        return skip;
    }

    /// <summary>
    /// Whether a class between <paramref name="attributeClass"/> and <c>FactAttribute</c>/<c>TheoryAttribute</c>
    /// sets <c>Timeout</c> in its own source: assigns it in a constructor or overrides the property.
    /// Read from syntax only; a type from a referenced assembly counts as not setting it.
    /// </summary>
    public static bool TypeSetsTimeout(INamedTypeSymbol attributeClass, XunitTypes types, CancellationToken cancellationToken)
    {
        for (var current = attributeClass; current is not null && !types.IsTestAttributeRoot(current); current = current.BaseType)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && DeclaresTimeout(declaration))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool DeclaresTimeout(TypeDeclarationSyntax declaration)
    {
        foreach (var member in declaration.Members)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax property when property.Identifier.ValueText == Timeout
                    && property.Modifiers.Any(SyntaxKind.OverrideKeyword):
                    return true;
                case ConstructorDeclarationSyntax constructor when AssignsTimeout(constructor):
                    return true;
            }
        }

        return false;
    }

    private static bool AssignsTimeout(ConstructorDeclarationSyntax constructor)
    {
        SyntaxNode? body = (SyntaxNode?)constructor.Body ?? constructor.ExpressionBody;
        if (body is null)
        {
            return false;
        }

        foreach (var node in body.DescendantNodesAndSelf())
        {
            if (node is AssignmentExpressionSyntax assignment && IsTimeoutTarget(assignment.Left))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTimeoutTarget(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText == Timeout,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax } access =>
            access.Name.Identifier.ValueText == Timeout,
        _ => false,
    };
}
