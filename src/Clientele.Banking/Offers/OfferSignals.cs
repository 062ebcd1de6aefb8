using Category = Clientele.Banking.Offers.BankVocabulary.Categories;
using TransferType = Clientele.Banking.Offers.BankVocabulary.TransferTypes;

namespace Clientele.Banking.Offers;

/// <summary>
/// The relative signals one client is ranked on. All but the balance are shares or rates, so they do not move when every
/// amount of a client is scaled; the engine compares each with the population by percentile.
/// </summary>
public sealed record OfferSignals(
    double Balance,
    double TripShare,
    double TaxiShare,
    double ForeignShare,
    double BoutiqueShare,
    double RestaurantShare,
    double JewelleryShare,
    double AtmShare,
    double AtmPerMonth,
    double OnlineShare,
    double CreditUseShare,
    double FxShare,
    double LoanShare,
    double LoanPerMonth,
    double OutflowToInflow,
    double TopupShare,
    double InvestShare,
    double GoldShare,
    double SpendingVolatility)
{

    public static OfferSignals Of(ClientFeatures f)
    {
        var spent = (double)f.SpendingTotalKzt;
        var turnover = (double)(f.InflowKzt + f.OutflowKzt);
        var months = (double)f.MonthsCovered;
        return new OfferSignals(
            (double)f.AvgMonthlyBalanceKzt,
            Share(f.Spent([.. Category.Trips]), spent),
            Share(f.Spent(Category.Taxi), spent),
            Share(f.ForeignCurrencySpendingKzt, spent),
            Share(f.Spent(Category.Jewellery, Category.Cosmetics), spent),
            Share(f.Spent(Category.Restaurants), spent),
            Share(f.Spent(Category.Jewellery), spent),
            Share(f.Transferred(TransferType.AtmWithdrawal), (double)f.OutflowKzt),
            f.TransferCount(TransferType.AtmWithdrawal) / months,
            Share(f.Spent([.. Category.OnlineServices]), spent),
            Share(f.Transferred(TransferType.CreditCardRepaymentOut, TransferType.InstallmentPaymentOut), (double)f.OutflowKzt),
            Share(f.Transferred(TransferType.FxBuy, TransferType.FxSell), turnover),
            Share(f.Transferred(TransferType.LoanPaymentOut), (double)f.OutflowKzt),
            f.TransferCount(TransferType.LoanPaymentOut) / months,
            f.InflowKzt > 0 ? (double)(f.OutflowKzt / f.InflowKzt) : f.OutflowKzt > 0 ? 10 : 0,
            Share(f.Transferred(TransferType.DepositTopupOut), (double)f.OutflowKzt),
            Share(f.Transferred(TransferType.InvestOut, TransferType.InvestIn), turnover),
            Share(f.Transferred(TransferType.GoldBuyOut, TransferType.GoldSellIn), turnover),
            Volatility(f.Months.Select(m => (double)m.Total).ToList(), f.MonthsCovered));
    }

    /// <summary>The signals by name, for the population statistics.</summary>
    public IEnumerable<(string Name, double Value)> Named()
    {
        yield return (nameof(Balance), Balance);
        yield return (nameof(TripShare), TripShare);
        yield return (nameof(TaxiShare), TaxiShare);
        yield return (nameof(ForeignShare), ForeignShare);
        yield return (nameof(BoutiqueShare), BoutiqueShare);
        yield return (nameof(RestaurantShare), RestaurantShare);
        yield return (nameof(JewelleryShare), JewelleryShare);
        yield return (nameof(AtmShare), AtmShare);
        yield return (nameof(AtmPerMonth), AtmPerMonth);
        yield return (nameof(OnlineShare), OnlineShare);
        yield return (nameof(CreditUseShare), CreditUseShare);
        yield return (nameof(FxShare), FxShare);
        yield return (nameof(LoanShare), LoanShare);
        yield return (nameof(LoanPerMonth), LoanPerMonth);
        yield return (nameof(OutflowToInflow), OutflowToInflow);
        yield return (nameof(TopupShare), TopupShare);
        yield return (nameof(InvestShare), InvestShare);
        yield return (nameof(GoldShare), GoldShare);
        yield return (nameof(SpendingVolatility), SpendingVolatility);
    }

    private static double Share(decimal part, double whole) => whole > 0 ? (double)part / whole : 0;

    /// <summary>Coefficient of variation of the monthly card spending; months without spending count as zero.</summary>
    private static double Volatility(List<double> totals, int monthsCovered)
    {
        while (totals.Count < monthsCovered)
        {
            totals.Add(0);
        }
        if (totals.Count < 2 || totals.Average() <= 0)
        {
            return 0;
        }
        var mean = totals.Average();
        return Math.Sqrt(totals.Sum(t => (t - mean) * (t - mean)) / totals.Count) / mean;
    }
}
