using Microsoft.CodeAnalysis;

namespace AsyncTestTemplates.Testing.Analyzers;

/// <summary>The xunit v3 and task types the rules look for, resolved once per compilation.</summary>
internal sealed class XunitTypes
{
    private XunitTypes(Compilation compilation, INamedTypeSymbol fact, INamedTypeSymbol? theory)
    {
        Fact = fact;
        Theory = theory;
        Data = compilation.GetTypeByMetadataName("Xunit.v3.DataAttribute");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
    }

    public INamedTypeSymbol Fact { get; }

    public INamedTypeSymbol? Theory { get; }

    /// <summary>xunit v3's base of data rows (<c>[InlineData]</c> and the rest), which carries a <c>Timeout</c>.</summary>
    public INamedTypeSymbol? Data { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    /// <summary>The types, or <see langword="null"/> when the compilation does not reference xunit v3.</summary>
    public static XunitTypes? TryCreate(Compilation compilation)
    {
        var fact = compilation.GetTypeByMetadataName("Xunit.FactAttribute");
        // Xunit.v3.DataAttribute exists only in xunit v3: v2's Timeout rules differ, so v2 is left alone.
        if (fact is null || compilation.GetTypeByMetadataName("Xunit.v3.DataAttribute") is null)
        {
            return null;
        }

        return new XunitTypes(compilation, fact, compilation.GetTypeByMetadataName("Xunit.TheoryAttribute"));
    }

    /// <summary>Whether <paramref name="attributeClass"/> is <c>[Fact]</c>, <c>[Theory]</c>, or derives from either.</summary>
    public bool IsTestAttribute(INamedTypeSymbol? attributeClass) => TestAttributeBase(attributeClass) is not null;

    /// <summary>The first of <c>FactAttribute</c>/<c>TheoryAttribute</c> met walking up from <paramref name="attributeClass"/>.</summary>
    public INamedTypeSymbol? TestAttributeBase(INamedTypeSymbol? attributeClass)
    {
        for (var current = attributeClass; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, Fact) || SymbolEqualityComparer.Default.Equals(current, Theory))
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/> is <c>FactAttribute</c> or <c>TheoryAttribute</c> itself.</summary>
    public bool IsTestAttributeRoot(INamedTypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(type, Fact) || SymbolEqualityComparer.Default.Equals(type, Theory);

    public bool IsDataAttribute(INamedTypeSymbol? attributeClass)
    {
        for (var current = attributeClass; current is not null && Data is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, Data))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether xunit v3 counts the method as async, the only kind it runs with a timeout:
    /// one returning <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    public bool IsAsyncTestReturnType(ITypeSymbol returnType) => IsTaskLike(returnType);

    public bool IsTaskLike(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        var definition = named.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition, Task)
            || SymbolEqualityComparer.Default.Equals(definition, TaskOfT)
            || SymbolEqualityComparer.Default.Equals(definition, ValueTask)
            || SymbolEqualityComparer.Default.Equals(definition, ValueTaskOfT);
    }

    public bool IsValueTask(ITypeSymbol? type) =>
        type is INamedTypeSymbol named
        && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, ValueTask)
            || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, ValueTaskOfT));

    /// <summary>Whether the method is an xunit test: it carries <c>[Fact]</c>, <c>[Theory]</c> or a derived attribute.</summary>
    public bool IsTestMethod(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (IsTestAttribute(attribute.AttributeClass))
            {
                return true;
            }
        }

        return false;
    }
}
