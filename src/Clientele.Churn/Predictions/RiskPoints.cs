using System.Text.Json;
using Clientele.Churn.Customers;

namespace Clientele.Churn.Predictions;

public static class RiskPoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static RiskPoint Of(RiskHistoryEntry entry) =>
        new(entry.Score, entry.Timestamp.UtcDateTime, entry.ModelVersion, entry.Source, Factors(entry.FactorsJson));

    public static IReadOnlyList<FactorView> Factors(string json) => JsonSerializer.Deserialize<List<FactorView>>(json, Json) ?? [];

    public static string FactorsJson(IEnumerable<FactorView> factors) => JsonSerializer.Serialize(factors, Json);

    public static string FeaturesJson(Scoring.ChurnFeatures features) => JsonSerializer.Serialize(FeaturesView.Of(features), Json);
}

/// <summary>The seed's <c>features_used</c>: the seven fields as the model saw them.</summary>
public sealed record FeaturesView(int Age, int Tenure, double Balance, int Products, bool CreditCard, bool Active, double Salary)
{
    public static FeaturesView Of(Scoring.ChurnFeatures f) => new(f.Age, f.Tenure, f.Balance, f.Products, f.CreditCard, f.Active, f.Salary);
}
