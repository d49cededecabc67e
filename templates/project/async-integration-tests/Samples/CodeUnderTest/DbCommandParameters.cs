using System.Data.Common;

namespace AsyncTestsNamespace.Samples.CodeUnderTest;

/// <summary>Named parameters for any ADO.NET provider (its <c>AddWithValue</c> is provider-specific).</summary>
public static class DbCommandParameters
{
    public static DbCommand WithParameter(this DbCommand command, string name, object value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return command;
    }
}
