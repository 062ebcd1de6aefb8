namespace Clientele.Banking.Recommendations;

/// <summary><c>Clientele:Banking:Recommendations</c>.</summary>
public sealed class RecommendationOptions
{
    /// <summary>Clients read per database round trip (each page: one query for clients, one for card payments, one for transfers).</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>How long a population statistics builder holds its lease without renewing it (it renews every third of it).</summary>
    public double StatsLeaseSeconds { get; set; } = 120;

    /// <summary>Values stored per signal; above it the statistics keep evenly spaced order statistics (a percentile moves by at most 1/N).</summary>
    public int StatsMaxValuesPerSignal { get; set; } = 10_000;

    /// <summary>Above this many clients <c>GET recommendations.csv</c> refuses and points to the export job.</summary>
    public int DirectCsvMaxClients { get; set; } = 10_000;

    /// <summary>Where export jobs write their CSV files (one folder per organization), relative to the data folder (<c>Clientele:DataFolder</c>); also <c>Clientele:Banking:ExportFolder</c>.</summary>
    public string ExportFolder { get; set; } = "exports";
}
