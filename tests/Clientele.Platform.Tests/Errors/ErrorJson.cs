using System.Text.Json;

namespace Clientele.Platform.Tests.Errors;

/// <summary>An error body as the client reads it: serialized with System.Text.Json, then parsed back.</summary>
internal static class ErrorJson
{
    public static JsonElement Of(object body)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(body));
        return document.RootElement.Clone();
    }

    public static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
