using System.Text.Json;
using Clientele.Churn.Customers;
using Clientele.Churn.Data;
using Clientele.Churn.Models;
using Clientele.Churn.Scoring;

namespace Clientele.Churn.Predictions;

/// <summary>
/// Top factors for history points that were scored in bulk without them: worked out from the stored features with the version that
/// gave the score. Points of one version with the same features share one explanation, and a request explains at most
/// <see cref="MaxPerRequest"/> distinct ones (the rest show none).
/// </summary>
public sealed class Explanations(ActiveModels models)
{
    public const int MaxPerRequest = 10;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<IReadOnlyList<RiskPoint>> PointsAsync(ChurnDbContext db, IReadOnlyList<RiskHistoryEntry> entries, CancellationToken cancellationToken)
    {
        var explained = new Dictionary<(string Version, string Features), IReadOnlyList<FactorView>>();
        var points = new List<RiskPoint>(entries.Count);
        foreach (var entry in entries)
        {
            var point = RiskPoints.Of(entry);
            if (point.TopFactors.Count == 0)
            {
                var key = (entry.ModelVersion, entry.FeaturesJson);
                if (!explained.TryGetValue(key, out var factors) && explained.Count < MaxPerRequest)
                {
                    factors = await ExplainAsync(db, entry, cancellationToken);
                    explained[key] = factors;
                }
                point = point with { TopFactors = factors ?? [] };
            }
            points.Add(point);
        }
        return points;
    }

    private async Task<IReadOnlyList<FactorView>> ExplainAsync(ChurnDbContext db, RiskHistoryEntry entry, CancellationToken cancellationToken)
    {
        if (await models.VersionAsync(db, entry.ModelVersion, cancellationToken) is not { } served
            || JsonSerializer.Deserialize<FeaturesView>(entry.FeaturesJson, Json) is not { } seen)
        {
            return [];
        }
        var features = new ChurnFeatures(seen.Age, seen.Tenure, seen.Balance, seen.Products, seen.CreditCard, seen.Active, seen.Salary);
        return served.Model.TopFactors(features).Select(f => new FactorView(f.Feature, Math.Round(f.Contribution, 6), f.Description)).ToList();
    }
}
