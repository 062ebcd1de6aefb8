using System.Text.Json.Serialization;

namespace Clientele.Banking.Api;

/// <summary>InsightEngine is a FastAPI service: errors are <c>{"detail": "..."}</c>.</summary>
public sealed record Detail([property: JsonPropertyName("detail")] string Message);
