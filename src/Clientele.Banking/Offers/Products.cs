namespace Clientele.Banking.Offers;

/// <summary>The bank's ten products, by the exact names the seed and the case use.</summary>
public static class Products
{
    public const string TravelCard = "Карта для путешествий";
    public const string PremiumCard = "Премиальная карта";
    public const string CreditCard = "Кредитная карта";
    public const string CurrencyExchange = "Обмен валют";
    public const string CashLoan = "Кредит наличными";
    public const string MultiCurrencyDeposit = "Депозит Мультивалютный";
    public const string SavingsDeposit = "Депозит Сберегательный";
    public const string AccumulativeDeposit = "Депозит Накопительный";
    public const string Investments = "Инвестиции";
    public const string GoldBars = "Золотые слитки";

    public static readonly IReadOnlyList<string> All =
    [
        TravelCard, PremiumCard, CreditCard, CurrencyExchange, CashLoan,
        MultiCurrencyDeposit, SavingsDeposit, AccumulativeDeposit, Investments, GoldBars,
    ];
}
