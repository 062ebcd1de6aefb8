using Category = Clientele.Banking.Offers.BankVocabulary.Categories;
using TransferType = Clientele.Banking.Offers.BankVocabulary.TransferTypes;

namespace Clientele.Banking.Offers;

/// <summary>Products shown by a specific kind of transfer: currency exchange, cash loan, investments, gold bars.</summary>
internal static class ActivityRules
{
    /// <summary>Signal = 0.85·P(fx_buy + fx_sell share of turnover) + 0.15·P(foreign-currency share of spending).</summary>
    public static RuleOutcome Exchange(OfferContext c)
    {
        var (s, b, settings) = (c.Signals, c.Benefits, c.Settings);
        var signal = 0.85 * c.P(nameof(s.FxShare), s.FxShare) + 0.15 * c.P(nameof(s.ForeignShare), s.ForeignShare);
        var evidence = new List<Evidence>();
        evidence.AddRange(c.Transfers(TransferType.FxBuy, "Покупки валюты"));
        evidence.AddRange(c.Transfers(TransferType.FxSell, "Продажи валюты"));
        evidence.AddRange(CardRules.Foreign(c));
        evidence.Add(c.Benefit(b.Fx, $"экономия на курсе около {CardRules.Percent(settings.FxSpreadSavingRate)} от суммы обмена", "нет обменов и покупок в валюте"));
        return new(b.FxVolumeKzt > 0, signal, evidence);
    }

    /// <summary>
    /// Need = mean(P(loan payments share of outflow), P(loan payments per month)) ≥ LoanNeedPercentile, with loan payments
    /// present and P(balance) ≤ LoanMaxBalancePercentile. Signal with need = (0.9·need + 0.1·P(outflow/inflow))·low, where
    /// low = clamp((0.75 − P(balance)) / 0.25, 0, 1); without need = 0.1·need·low and not eligible.
    /// </summary>
    public static RuleOutcome CashLoan(OfferContext c)
    {
        var (f, s, settings) = (c.Features, c.Signals, c.Settings);
        var intensity = 0.5 * c.P(nameof(s.LoanShare), s.LoanShare) + 0.5 * c.P(nameof(s.LoanPerMonth), s.LoanPerMonth);
        var balance = c.BalancePercentile;
        var low = Math.Clamp((0.75 - balance) / 0.25, 0, 1);
        var need = s.LoanShare > 0 && intensity >= settings.LoanNeedPercentile && balance <= settings.LoanMaxBalancePercentile;
        var signal = need ? (0.9 * intensity + 0.1 * c.P(nameof(s.OutflowToInflow), s.OutflowToInflow)) * low : 0.1 * intensity * low;
        var evidence = new List<Evidence>();
        evidence.AddRange(c.Transfers(TransferType.LoanPaymentOut, "Платежи по кредитам"));
        if (f.OutflowKzt > 0)
        {
            evidence.Add(new("outflow", $"Списания и переводы со счёта {c.Period}", AmountKzt: f.OutflowKzt));
            evidence.Add(new("inflow", $"Поступления на счёт {c.Period}", AmountKzt: f.InflowKzt));
        }
        evidence.Add(c.Balance());
        evidence.Add(need
            ? new("loan_need", "Платежи по кредитам заметно выше, чем у большинства клиентов, а остаток невысокий")
            : new("no_loan_need", "Явной потребности в кредите не видно: предлагаем только при явной необходимости"));
        evidence.Add(c.Benefit(0, "", "кредит — это не выгода в тенге, а доступ к деньгам при необходимости"));
        return new(need, signal, evidence);
    }

    /// <summary>Signal = 0.90·P(invest_out + invest_in share of turnover) + 0.10·P(balance).</summary>
    public static RuleOutcome Investments(OfferContext c)
    {
        var (f, s, b, settings) = (c.Features, c.Signals, c.Benefits, c.Settings);
        var signal = 0.90 * c.P(nameof(s.InvestShare), s.InvestShare) + 0.10 * c.BalancePercentile;
        var evidence = new List<Evidence>();
        evidence.AddRange(c.Transfers(TransferType.InvestOut, "Переводы на инвестиции"));
        evidence.AddRange(c.Transfers(TransferType.InvestIn, "Выводы с инвестиций"));
        evidence.Add(c.Balance());
        evidence.Add(c.Benefit(b.Investments, "без комиссии за сделки в первый год (доходность не обещаем)", "доходность не обещаем, а сделок пока нет"));
        var eligible = f.Transferred(TransferType.InvestOut, TransferType.InvestIn) > 0 || f.AvgMonthlyBalanceKzt >= settings.InvestmentsMinBalanceKzt;
        return new(eligible, signal, evidence);
    }

    /// <summary>Signal = 0.85·P(gold_buy_out + gold_sell_in share of turnover) + 0.10·P(jewellery share) + 0.05·P(balance).</summary>
    public static RuleOutcome Gold(OfferContext c)
    {
        var (f, s, settings) = (c.Features, c.Signals, c.Settings);
        var signal = 0.85 * c.P(nameof(s.GoldShare), s.GoldShare) + 0.10 * c.P(nameof(s.JewelleryShare), s.JewelleryShare) + 0.05 * c.BalancePercentile;
        var evidence = new List<Evidence>();
        evidence.AddRange(c.Transfers(TransferType.GoldBuyOut, "Покупки золота"));
        evidence.AddRange(c.Transfers(TransferType.GoldSellIn, "Продажи золота"));
        evidence.AddRange(c.Categories("jewellery_spend", [Category.Jewellery]));
        evidence.Add(c.Balance());
        evidence.Add(c.Benefit(0, "", "золото — способ сохранить стоимость, доход не обещаем"));
        var eligible = f.Transferred(TransferType.GoldBuyOut, TransferType.GoldSellIn) > 0 || f.Spent(Category.Jewellery) > 0
            || f.AvgMonthlyBalanceKzt >= settings.GoldMinBalanceKzt;
        return new(eligible, signal, evidence);
    }
}
