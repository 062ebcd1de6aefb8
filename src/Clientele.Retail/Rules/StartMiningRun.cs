using Clientele.Retail.Shared;

namespace Clientele.Retail.Rules;

/// <summary>
/// The body of <c>POST /api/rules/runs</c>; every field optional. <c>min_support</c> below 1 is a fraction of the baskets,
/// from 1 up a count of baskets (the original's 0.005 by default); rules keep lift ≥ <c>min_lift</c> (1, as the original).
/// </summary>
public sealed record StartMiningRun(
    double? MinSupport = null, double? MinConfidence = null, double? MinLift = null, int? MaxLength = null,
    DateOnly? DateFrom = null, DateOnly? DateTo = null, string? Channel = null, string? City = null, string? CustomerSegment = null)
{
    public const double DefaultMinSupport = 0.005;
    public const int DefaultMaxLength = 5;
    public const int MaxMaxLength = 10;
    public const int MaxLabelLength = 100;

    public MiningRun? Check(Checks checks, DateTimeOffset now)
    {
        var support = MinSupport ?? DefaultMinSupport;
        if (!double.IsFinite(support) || support <= 0 || support >= 1 && support != Math.Floor(support) || support > int.MaxValue)
        {
            checks.Add("min_support", "Input should be a fraction between 0 and 1 (exclusive), or a whole count of baskets of at least 1");
        }
        if (MinConfidence is { } confidence && (!double.IsFinite(confidence) || confidence is < 0 or > 1))
        {
            checks.Add("min_confidence", "Input should be between 0 and 1");
        }
        if (MinLift is { } lift && (!double.IsFinite(lift) || lift < 0 || lift > 1_000_000))
        {
            checks.Add("min_lift", "Input should be between 0 and 1000000");
        }
        if (MaxLength is < 2 or > MaxMaxLength)
        {
            checks.Add("max_length", $"Input should be between 2 and {MaxMaxLength}");
        }
        if (DateFrom is { } from && DateTo is { } to && from > to)
        {
            checks.Add("date_to", "Input should be on or after date_from");
        }
        // A blank scope is a mistake, not "everything": null is how to ask for all.
        var channel = Channel is null ? null : checks.Text("channel", Channel, MaxLabelLength);
        var city = City is null ? null : checks.Text("city", City, MaxLabelLength);
        var segment = CustomerSegment is null ? null : checks.Text("customer_segment", CustomerSegment, MaxLabelLength);
        return checks.Ok
            ? new MiningRun
            {
                MinSupport = support,
                MinConfidence = MinConfidence ?? 0,
                MinLift = MinLift ?? 1,
                MaxLength = MaxLength ?? DefaultMaxLength,
                DateFrom = DateFrom,
                DateTo = DateTo,
                Channel = channel,
                City = city,
                CustomerSegment = segment,
                CreatedAt = now,
            }
            : null;
    }
}
