namespace Clientele.Banking.Offers.Push;

/// <summary>
/// Which of a client's figures speak for a product (spec §3, "who it fits"): the categories, the transfer types, and
/// whether the balance, foreign-currency spending, total card spending or the in/out flows count as its signal.
/// </summary>
internal sealed record ProductSignals(
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> TransferTypes,
    bool Balance = false,
    bool ForeignSpending = false,
    bool TotalSpending = false,
    int TopCategories = 0,
    bool Flows = false)
{
    public const string Taxi = "Такси";
    public const string Travel = "Путешествия";
    public const string Hotels = "Отели";
    public const string Restaurants = "Кафе и рестораны";
    public const string Cosmetics = "Косметика и Парфюмерия";
    public const string Jewellery = "Ювелирные украшения";

    public static readonly IReadOnlyList<string> Online = ["Едим дома", "Смотрим дома", "Играем дома", "Кино"];

    public static ProductSignals? For(string product) => product switch
    {
        Products.TravelCard => new([Travel, Hotels, Taxi], [], ForeignSpending: true, TotalSpending: true),
        Products.PremiumCard => new([Restaurants, Cosmetics, Jewellery], ["atm_withdrawal", "p2p_out", "card_out"], Balance: true, TotalSpending: true),
        Products.CreditCard => new(Online, ["installment_payment_out", "cc_repayment_out"], TotalSpending: true, TopCategories: 3),
        Products.CurrencyExchange => new([], ["fx_buy", "fx_sell"], Balance: true, ForeignSpending: true),
        Products.CashLoan => new([], ["loan_payment_out", "cc_repayment_out", "installment_payment_out"], Balance: true, Flows: true),
        Products.MultiCurrencyDeposit => new([], ["fx_buy", "fx_sell"], Balance: true, ForeignSpending: true),
        Products.SavingsDeposit => new([], [], Balance: true),
        Products.AccumulativeDeposit => new([], ["deposit_topup_out"], Balance: true),
        Products.Investments => new([], ["invest_out", "invest_in"], Balance: true),
        Products.GoldBars => new([Jewellery], ["gold_buy_out", "gold_sell_in"], Balance: true),
        _ => null,
    };
}
