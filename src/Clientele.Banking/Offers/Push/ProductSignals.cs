using Category = Clientele.Banking.Offers.BankVocabulary.Categories;
using TransferType = Clientele.Banking.Offers.BankVocabulary.TransferTypes;

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

    public static ProductSignals? For(string product) => product switch
    {
        Products.TravelCard => new(Category.TravelAndTaxi, [], ForeignSpending: true, TotalSpending: true),
        Products.PremiumCard => new(Category.Boutique, [TransferType.AtmWithdrawal, TransferType.P2pOut, TransferType.CardOut], Balance: true, TotalSpending: true),
        Products.CreditCard => new(Category.OnlineServices, [TransferType.InstallmentPaymentOut, TransferType.CreditCardRepaymentOut], TotalSpending: true, TopCategories: 3),
        Products.CurrencyExchange => new([], [TransferType.FxBuy, TransferType.FxSell], Balance: true, ForeignSpending: true),
        Products.CashLoan => new([], [TransferType.LoanPaymentOut, TransferType.CreditCardRepaymentOut, TransferType.InstallmentPaymentOut], Balance: true, Flows: true),
        Products.MultiCurrencyDeposit => new([], [TransferType.FxBuy, TransferType.FxSell], Balance: true, ForeignSpending: true),
        Products.SavingsDeposit => new([], [], Balance: true),
        Products.AccumulativeDeposit => new([], [TransferType.DepositTopupOut], Balance: true),
        Products.Investments => new([], [TransferType.InvestOut, TransferType.InvestIn], Balance: true),
        Products.GoldBars => new([Category.Jewellery], [TransferType.GoldBuyOut, TransferType.GoldSellIn], Balance: true),
        _ => null,
    };
}
