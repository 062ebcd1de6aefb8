using System.Text.Json.Serialization;

namespace Clientele.Retail.Shared;

/// <summary>Clustr is a FastAPI service: a refusal that is not about one field is <c>{"detail": "..."}</c>.</summary>
public sealed record Detail([property: JsonPropertyName("detail")] string Message);
