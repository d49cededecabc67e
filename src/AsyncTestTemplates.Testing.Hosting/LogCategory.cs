namespace AsyncTestTemplates.Testing;

/// <summary>The category <c>ILogger&lt;T&gt;</c> logs under.</summary>
internal static class LogCategory
{
    // The full name with '.' between nested types and no generic arguments (Microsoft.Extensions.Logging's
    // own convention), not Type.FullName.
    public static string Of(Type type)
    {
        var name = (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName ?? type.Name;
        var arity = name.IndexOf('`', StringComparison.Ordinal);
        return (arity < 0 ? name : name[..arity]).Replace('+', '.');
    }
}
