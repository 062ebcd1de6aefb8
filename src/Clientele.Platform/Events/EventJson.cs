using System.Text.Encodings.Web;
using System.Text.Json;

namespace Clientele.Platform.Events;

/// <summary>How event payloads are written: snake_case like every seed, non-ASCII text as is.</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
