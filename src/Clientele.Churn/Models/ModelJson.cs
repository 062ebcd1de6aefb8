using System.Text.Json;
using Clientele.Churn.Scoring;

namespace Clientele.Churn.Models;

/// <summary>How a version's metrics, importances and baseline are stored (snake_case JSON, the shape the API shows).</summary>
public static class ModelJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException("Stored model JSON is empty.");

    public static TrainingBaseline Baseline(ModelVersion version) => Read<TrainingBaseline>(version.BaselineJson);
}
