using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncTestsNamespace.Samples;

/// <summary>The JSON the sample API speaks: web defaults, enums as names.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
