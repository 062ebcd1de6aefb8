using Microsoft.Extensions.Options;

namespace Clientele.Churn;

/// <summary>Checks <c>Clientele:Churn</c> at start-up, so a mistyped setting stops the server with its name instead of failing the first training or alert.</summary>
public sealed class ChurnOptionsValidation : IValidateOptions<ChurnOptions>
{
    public ValidateOptionsResult Validate(string? name, ChurnOptions options)
    {
        var problems = new List<string>();
        void Require(bool holds, string problem)
        {
            if (!holds)
            {
                problems.Add(problem);
            }
        }
        Require(options.Bands.Medium is > 0 and < 1 && options.Bands.High is > 0 and <= 1 && options.Bands.Medium < options.Bands.High,
            "Clientele:Churn:Bands needs 0 < Medium < High ≤ 1.");
        Require(options.HighRiskThreshold is > 0 and <= 1, "Clientele:Churn:HighRiskThreshold must lie in (0, 1].");
        Require(options.IncreasePercent > 0, "Clientele:Churn:IncreasePercent must be positive.");
        Require(options.AlertCooldownHours >= 0, "Clientele:Churn:AlertCooldownHours must not be negative.");
        Require(options.MaxAlertsPerHour >= 0, "Clientele:Churn:MaxAlertsPerHour must not be negative.");
        Require(options.SweepMinutes >= 0, "Clientele:Churn:SweepMinutes must not be negative (0 turns the sweep off).");
        Require(options.DriftPsi > 0, "Clientele:Churn:DriftPsi must be positive.");
        Require(options.PromotionTolerance >= 0, "Clientele:Churn:PromotionTolerance must not be negative.");
        Require(options.AccessTokenMinutes > 0 && options.RefreshTokenHours > 0, "Clientele:Churn:AccessTokenMinutes and RefreshTokenHours must be positive.");
        try
        {
            options.Training.Validate();
        }
        catch (ArgumentException exception)
        {
            problems.Add($"Clientele:Churn:Training: {exception.Message}");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
