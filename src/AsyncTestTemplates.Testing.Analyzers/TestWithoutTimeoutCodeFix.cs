using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace AsyncTestTemplates.Testing.Analyzers;

/// <summary>
/// Fixes ATA1001: adds <c>Timeout = TestTimeouts.Default</c> (or <c>Timeout = 30_000</c> where no
/// <c>TestTimeouts</c> class is in reach) and makes sure the test then uses its token, which xUnit1069
/// requires of a test with a timeout (see <see cref="TestTokenUse"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TestWithoutTimeoutCodeFix))]
public sealed class TestWithoutTimeoutCodeFix : CodeFixProvider
{
    private const string Title = "Add a timeout to the test";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TestWithoutTimeout);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => AddTimeoutAsync(context.Document, attribute, cancellationToken), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> AddTimeoutAsync(Document document, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null || attribute.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            return document;
        }

        var timeout = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(TestAttributes.Timeout),
            nameColon: null,
            TimeoutValue.For(model, attribute, cancellationToken));
        var newAttribute = attribute.ArgumentList is null
            ? attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(timeout)))
            : attribute.WithArgumentList(attribute.ArgumentList.AddArguments(timeout));
        newAttribute = newAttribute.WithAdditionalAnnotations(Formatter.Annotation);

        var planned = TestTokenUse.Plan(model, method, cancellationToken);
        var newRoot = planned is { } change
            ? root.ReplaceNodes(
                new[] { attribute, change.Original },
                (original, _) => original == attribute ? newAttribute : change.Replacement.WithAdditionalAnnotations(Formatter.Annotation))
            : root.ReplaceNode(attribute, newAttribute);
        var fixedDocument = document.WithSyntaxRoot(newRoot);

        // TestContext did not bind where the token went: import Xunit (the simplifier then drops "global::Xunit.").
        return newRoot.GetAnnotatedNodes(TestTokenUse.ImportXunit).Any()
            ? await ImportAdder.AddImportsAsync(fixedDocument, TestTokenUse.ImportXunit, cancellationToken: cancellationToken).ConfigureAwait(false)
            : fixedDocument;
    }
}
