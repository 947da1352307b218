using System.Text.Json;
using System.Text.Json.Serialization;

namespace O2C.Storage;

/// <summary>The JSON shape of everything the runtime stores: camelCase, enums as names.</summary>
public static class RowJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
