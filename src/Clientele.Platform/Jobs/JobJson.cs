using System.Text.Json;
using Clientele.Platform.Events;

namespace Clientele.Platform.Jobs;

/// <summary>Payloads and results are stored as JSON text, written like every other JSON of Clientele (snake_case).</summary>
public static class JobJson
{
    public static string Write(object? value) => value is null ? "null" : JsonSerializer.Serialize(value, EventJson.Options);

    public static T? Read<T>(string json) => JsonSerializer.Deserialize<T>(json, EventJson.Options);

    public static JsonElement? Element(string? json) => string.IsNullOrEmpty(json) ? null : JsonDocument.Parse(json).RootElement.Clone();
}
