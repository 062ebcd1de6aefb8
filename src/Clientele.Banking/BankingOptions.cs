using Clientele.Banking.Data.Import;

namespace Clientele.Banking;

/// <summary><c>Clientele:Banking</c>: tenge per unit of each foreign currency the import meets (the case leaves the rate open; 470–630 ₸/EUR were used).</summary>
public sealed class BankingOptions
{
    public Dictionary<string, decimal> ExchangeRates { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USD"] = 470m,
        ["EUR"] = 510m,
        ["RUB"] = 5.8m,
        ["CNY"] = 65m,
    };

    /// <summary><c>Clientele:Banking:Import</c>: files and unpacked bytes one import may bring.</summary>
    public ImportLimits Import { get; set; } = new();

    public decimal? TengePer(string currency) =>
        currency.Equals("KZT", StringComparison.OrdinalIgnoreCase) ? 1m : ExchangeRates.TryGetValue(currency, out var rate) ? rate : null;
}
