using static Clientele.Banking.Offers.Push.RussianFormat;
using Category = Clientele.Banking.Offers.BankVocabulary.Categories;

namespace Clientele.Banking.Offers.Push;

/// <summary>
/// One template per product. Openings quote the client's own figures for the product's signal (P10); benefits name the
/// product and say the benefit per month, or its rate when the benefit is under 1 ₸; details are optional colour; young
/// clients get one lively sentence first.
/// </summary>
internal static class PushTemplates
{
    public static PushTemplate For(PushContext x) => x.Offer.Product switch
    {
        Products.TravelCard => Travel(x),
        Products.PremiumCard => Premium(x),
        Products.CreditCard => Credit(x),
        Products.CurrencyExchange => Exchange(x),
        Products.CashLoan => CashLoan(x),
        Products.MultiCurrencyDeposit => MultiCurrency(x),
        Products.SavingsDeposit => Savings(x),
        Products.AccumulativeDeposit => Accumulative(x),
        Products.Investments => Investments(x),
        Products.GoldBars => Gold(x),
        _ => throw new ArgumentException($"Unknown product «{x.Offer.Product}».", nameof(x)),
    };

    private static PushTemplate Travel(PushContext x)
    {
        var c = x.Client;
        var taxi = c.Spent(Category.Taxi);
        var rides = c.Count(Category.Taxi);
        var trips = c.Spent(Category.Travel, Category.Hotels);
        var lastTaxi = x.LatestMonth?.ByCategory.GetValueOrDefault(Category.Taxi) ?? 0;
        var openings = new List<string>();
        Add(openings, rides > 0 && PushContext.Has(taxi) && PushContext.Has(trips),
            () => $"{x.Name}, {x.Period} у вас {Plural(rides, "поездка", "поездки", "поездок")} на такси на {x.Money(taxi)}, а на путешествия и отели ушло {x.Money(trips)}.");
        Add(openings, rides > 0 && PushContext.Has(taxi),
            () => $"{x.Name}, {x.Period} у вас {Plural(rides, "поездка", "поездки", "поездок")} на такси на сумму {x.Money(taxi)}.");
        Add(openings, PushContext.Has(lastTaxi), () => $"{x.Name}, {InMonth(x.LatestMonth!.Month)} вы потратили на такси {x.Money(lastTaxi)}.");
        Add(openings, PushContext.Has(trips), () => $"{x.Name}, {x.Period} вы потратили на путешествия и отели {x.Money(trips)}.");
        Add(openings, PushContext.Has(c.ForeignCurrencySpendingKzt), () => $"{x.Name}, {x.Period} вы оплатили покупки в {x.ForeignCurrencyWord()} на {x.Money(c.ForeignCurrencySpendingKzt)}.");
        SpendingFallback(x, openings);
        var rate = PushContext.Percent(x.Settings.TravelCashbackPercent);
        var benefits = x.Benefit is { } b
            ? new[]
            {
                $"С картой для путешествий вы бы получали {rate} кешбэка на такси, поездки и отели — это примерно {b} в месяц.",
                $"Карта для путешествий вернула бы примерно {b} в месяц кешбэком.",
            }
            : [$"Карта для путешествий даёт {rate} кешбэка на такси, поездки и отели.", $"С картой для путешествий {rate} от таких трат вернутся кешбэком."];
        return new(openings, benefits, Details(x, "Больше поездок за те же деньги!", "А ещё привилегии Visa Signature: скидки на перелёты, отели и аренду авто.", "Кешбэк приходит автоматически."), "Оформить карту.");
    }

    private static PushTemplate Premium(PushContext x)
    {
        var c = x.Client;
        var balance = x.Money(Math.Max(c.AvgMonthlyBalanceKzt, 1));
        var restaurants = c.Spent(Category.Restaurants);
        var withdrawals = c.TransferCount("atm_withdrawal");
        var hasBalance = PushContext.Has(c.AvgMonthlyBalanceKzt);
        var openings = new List<string>();
        Add(openings, hasBalance && PushContext.Has(restaurants), () => $"{x.Name}, у вас в среднем {balance} на счёте, а {x.Period} в кафе и ресторанах вы потратили {x.Money(restaurants)}.");
        Add(openings, hasBalance && withdrawals > 0, () => $"{x.Name}, у вас в среднем {balance} на счёте, и {x.Period} вы {Plural(withdrawals, "раз", "раза", "раз")} снимали наличные.");
        Add(openings, hasBalance, () => $"{x.Name}, у вас в среднем {balance} на счёте.");
        SpendingFallback(x, openings);
        var s = x.Settings;
        var tier = PushContext.Percent(c.AvgMonthlyBalanceKzt >= s.PremiumTopFromKzt ? s.PremiumTopPercent : c.AvgMonthlyBalanceKzt >= s.PremiumMiddleFromKzt ? s.PremiumMiddlePercent : s.PremiumBasePercent);
        var boosted = PushContext.Percent(s.PremiumBoostedPercent);
        var terms = $"Премиальная карта даёт {tier} кешбэка на покупки и {boosted} в ресторанах, а снятие наличных и переводы — без комиссии";
        var benefits = x.Benefit is { } b
            ? new[] { $"{terms}: это примерно {b} в месяц.", $"С премиальной картой вы бы получали примерно {b} в месяц кешбэком и экономией на комиссиях." }
            : [$"{terms}.", $"С премиальной картой — {tier} кешбэка на покупки и {boosted} в ресторанах."];
        return new(openings, benefits, Details(x, "Пусть остаток работает на вас!", $"Кешбэк — до {x.Money(s.PremiumCashbackCapKzt)} в месяц.", "Снимать наличные без комиссии можно по всему миру."), "Оформить карту.");
    }

    private static PushTemplate Credit(PushContext x)
    {
        var c = x.Client;
        var top = c.TopCategories(3).Where(t => PushContext.Has(t.Value)).ToList();
        var quoted = top.Select(t => $"«{t.Key}»").ToList();
        var openings = new List<string>();
        Add(openings, top.Count >= 2, () => $"{x.Name}, ваши топ-категории — {string.Join(", ", quoted.SkipLast(1))} и {quoted[^1]}.");
        Add(openings, top.Count >= 1, () => $"{x.Name}, {x.Period} больше всего вы тратили на {quoted[0]} — {x.Money(top[0].Value)}.");
        Add(openings, top.Count == 1, () => $"{x.Name}, ваша главная категория трат — {quoted[0]}.");
        SpendingFallback(x, openings);
        var rate = PushContext.Percent(x.Settings.CreditCashbackPercent);
        var benefits = x.Benefit is { } b
            ? new[]
            {
                $"Кредитная карта даёт до {rate} кешбэка в любимых категориях и на онлайн-сервисы. С ней вы бы получали примерно {b} в месяц.",
                $"Кредитная карта даёт до {rate} кешбэка в любимых категориях. С ней вы бы получали примерно {b} в месяц.",
                $"С кредитной картой и её {rate} кешбэка вы бы получали примерно {b} в месяц.",
            }
            : [$"Кредитная карта даёт до {rate} кешбэка в трёх любимых категориях и на онлайн-сервисы.", $"С кредитной картой — до {rate} кешбэка в любимых категориях."];
        return new(openings, benefits, Details(x, "Любимые траты станут выгоднее!", "Льготный период — до 2 месяцев, а рассрочка на 3–24 месяца без переплат.", "Льготный период — до 2 месяцев."), "Оформить карту.");
    }

    private static PushTemplate Exchange(PushContext x)
    {
        var c = x.Client;
        var fx = c.Transferred("fx_buy", "fx_sell");
        var deals = c.TransferCount("fx_buy", "fx_sell");
        var openings = new List<string>();
        Add(openings, deals > 0 && PushContext.Has(fx), () => $"{x.Name}, {x.Period} вы провели {Plural(deals, "операцию", "операции", "операций")} с валютой на сумму {x.Money(fx)}.");
        Add(openings, PushContext.Has(c.ForeignCurrencySpendingKzt), () => $"{x.Name}, {x.Period} вы оплатили покупки в {x.ForeignCurrencyWord()} на {x.Money(c.ForeignCurrencySpendingKzt)}.");
        BalanceFallback(x, openings);
        var benefits = x.Benefit is { } b
            ? new[] { $"Обмен валют в приложении — по выгодному курсу и без комиссии, это примерно {b} экономии в месяц.", $"С обменом валют в приложении вы бы экономили примерно {b} в месяц." }
            : ["Обмен валют в приложении — по выгодному курсу, без комиссии и круглосуточно.", "Обмен валют в приложении — без комиссии и круглосуточно."];
        return new(openings, benefits, Details(x, "Ловить курс больше не нужно!", "Можно задать целевой курс, и покупка пройдёт автоматически.", "Всё мгновенно и круглосуточно."), "Настроить обмен.");
    }

    private static PushTemplate CashLoan(PushContext x)
    {
        var c = x.Client;
        var payments = c.TransferCount("loan_payment_out");
        var paid = c.Transferred("loan_payment_out");
        var openings = new List<string>();
        Add(openings, payments > 0 && PushContext.Has(paid), () => $"{x.Name}, {x.Period} вы внесли {Plural(payments, "платёж", "платежа", "платежей")} по кредитам на {x.Money(paid)}.");
        Add(openings, PushContext.Has(c.OutflowKzt) && PushContext.Has(c.InflowKzt), () => $"{x.Name}, {x.Period} ваши расходы составили {x.Money(c.OutflowKzt)}, а поступления — {x.Money(c.InflowKzt)}.");
        BalanceFallback(x, openings);
        var rate = PushContext.Percent(x.Settings.CashLoanShortRatePercent);
        string[] benefits =
        [
            $"Если понадобится запас, кредит наличными — без залога и справок, под {rate} на срок до года.",
            $"Кредит наличными — без залога и справок, под {rate} на срок до года.",
        ];
        return new(openings, benefits, Details(x, "Всё онлайн, нужно только удостоверение личности.", "Погасить его можно досрочно и без штрафов.", "Есть и кредитные каникулы."), "Узнать доступный лимит.");
    }

    private static PushTemplate MultiCurrency(PushContext x)
    {
        var c = x.Client;
        var balance = x.Money(Math.Max(c.AvgMonthlyBalanceKzt, 1));
        var hasBalance = PushContext.Has(c.AvgMonthlyBalanceKzt);
        var fx = c.Transferred("fx_buy", "fx_sell");
        var openings = new List<string>();
        Add(openings, hasBalance && PushContext.Has(fx), () => $"{x.Name}, у вас в среднем {balance} на счёте, а {x.Period} вы покупали и продавали валюту на {x.Money(fx)}.");
        Add(openings, hasBalance && PushContext.Has(c.ForeignCurrencySpendingKzt), () => $"{x.Name}, у вас в среднем {balance} на счёте, а {x.Period} вы оплатили покупки в {x.ForeignCurrencyWord()} на {x.Money(c.ForeignCurrencySpendingKzt)}.");
        BalanceFallback(x, openings);
        var rate = PushContext.Percent(x.Settings.MultiCurrencyRatePercent);
        var benefits = x.Benefit is { } b
            ? new[] { $"На мультивалютном депозите под {rate} годовых эти деньги приносили бы примерно {b} в месяц.", $"Мультивалютный депозит под {rate} годовых — это примерно {b} в месяц." }
            : [$"Мультивалютный депозит — это {rate} годовых и четыре валюты на одном вкладе.", $"Мультивалютный депозит — {rate} годовых."];
        return new(openings, benefits, Details(x, "Деньги работают, а доступ к ним остаётся!", "Тенге, доллары, рубли и евро, пополнение и снятие без ограничений.", "Пополнять и снимать можно без ограничений."), "Открыть вклад.");
    }

    private static PushTemplate Savings(PushContext x)
    {
        var openings = new List<string>();
        Add(openings, PushContext.Has(x.Client.AvgMonthlyBalanceKzt), () => $"{x.Name}, ваш средний остаток на счёте — {x.Money(x.Client.AvgMonthlyBalanceKzt)}.");
        BalanceFallback(x, openings);
        var rate = PushContext.Percent(x.Settings.SavingsRatePercent);
        var benefits = x.Benefit is { } b
            ? new[] { $"На сберегательном депозите под {rate} годовых этот остаток приносил бы примерно {b} в месяц.", $"Сберегательный депозит под {rate} годовых — это примерно {b} в месяц." }
            : [$"Сберегательный депозит даёт {rate} годовых — это самая высокая ставка среди наших вкладов.", $"Сберегательный депозит — {rate} годовых."];
        return new(openings, benefits, Details(x, "Хороший способ копить без соблазна потратить!", "Вклад защищён KDIF, а ставка максимальная, если деньги не нужны до конца срока.", "Вклад защищён KDIF."), "Открыть вклад.");
    }

    private static PushTemplate Accumulative(PushContext x)
    {
        var c = x.Client;
        var topUps = c.TransferCount("deposit_topup_out");
        var saved = c.Transferred("deposit_topup_out");
        var openings = new List<string>();
        Add(openings, topUps > 0 && PushContext.Has(saved), () => $"{x.Name}, {x.Period} вы {Plural(topUps, "раз", "раза", "раз")} пополняли сбережения на {x.Money(saved)}.");
        BalanceFallback(x, openings);
        var rate = PushContext.Percent(x.Settings.AccumulativeRatePercent);
        var benefits = x.Benefit is { } b
            ? new[] { $"На накопительном депозите под {rate} годовых ваши сбережения приносили бы примерно {b} в месяц.", $"Накопительный депозит под {rate} годовых — это примерно {b} в месяц." }
            : [$"Накопительный депозит — это {rate} годовых и пополнение в любой момент.", $"Накопительный депозит — {rate} годовых."];
        return new(openings, benefits, Details(x, "Копить понемногу — тоже стратегия!", "Пополнять его можно в любой момент, а ставка остаётся повышенной.", "Пополнять его можно в любой момент."), "Открыть вклад.");
    }

    private static PushTemplate Investments(PushContext x)
    {
        var c = x.Client;
        var deals = c.TransferCount("invest_out");
        var invested = c.Transferred("invest_out");
        var openings = new List<string>();
        Add(openings, deals > 0 && PushContext.Has(invested), () => $"{x.Name}, {x.Period} вы {Plural(deals, "раз", "раза", "раз")} переводили на инвестиции {x.Money(invested)}.");
        Add(openings, PushContext.Has(c.AvgMonthlyBalanceKzt), () => $"{x.Name}, у вас в среднем {x.Money(c.AvgMonthlyBalanceKzt)} свободных денег на счёте.");
        BalanceFallback(x, openings);
        var entry = x.Money(x.Settings.InvestmentEntryKzt);
        var benefits = x.Benefit is { } b
            ? new[] { $"Инвестиции в приложении — без комиссии за сделки, пополнение и вывод в первый год: это примерно {b} экономии в месяц.", $"На брокерском счёте без комиссий вы бы экономили примерно {b} в месяц." }
            : ["Инвестиции в приложении — 0% комиссии за сделки и без платы за пополнение и вывод в первый год.", "Инвестиции в приложении — 0% комиссии за сделки в первый год."];
        return new(openings, benefits, Details(x, $"Начать можно с малого — хоть с {entry}!", $"Начать можно с {entry} и небольших сумм.", "Начать можно с небольших сумм."), "Открыть счёт.");
    }

    private static PushTemplate Gold(PushContext x)
    {
        var c = x.Client;
        var bought = c.Transferred("gold_buy_out");
        var purchases = c.TransferCount("gold_buy_out");
        var jewellery = c.Spent(Category.Jewellery);
        var openings = new List<string>();
        Add(openings, purchases > 0 && PushContext.Has(bought), () => $"{x.Name}, {x.Period} вы {Plural(purchases, "раз", "раза", "раз")} покупали золото на {x.Money(bought)}.");
        Add(openings, PushContext.Has(jewellery), () => $"{x.Name}, {x.Period} вы потратили на ювелирные украшения {x.Money(jewellery)}.");
        BalanceFallback(x, openings);
        var benefits = x.Benefit is { } b
            ? new[] { $"Золотые слитки помогут сохранить ценность сбережений — по нашей оценке, это примерно {b} в месяц.", $"Золотые слитки — это примерно {b} в месяц по нашей оценке." }
            : ["Золотые слитки 999,9 пробы — способ сохранить часть сбережений надолго и разнообразить их.", "Золотые слитки 999,9 пробы помогут сохранить часть сбережений."];
        return new(openings, benefits, Details(x, "Золото — классика, которая не выходит из моды!", "Предзаказ доступен в приложении, а хранить слитки можно в сейфовой ячейке банка.", "Хранить их можно в сейфовой ячейке банка."), "Посмотреть условия.");
    }

    private static void Add(List<string> openings, bool when, Func<string> opening)
    {
        if (when)
        {
            openings.Add(opening());
        }
    }

    /// <summary>Card products fall back to the client's total card spending.</summary>
    private static void SpendingFallback(PushContext x, List<string> openings)
    {
        Add(openings, PushContext.Has(x.Client.SpendingTotalKzt), () => $"{x.Name}, {x.Period} вы потратили по карте {x.Money(x.Client.SpendingTotalKzt)}.");
        Add(openings, openings.Count == 0, () => $"{x.Name}, мы посмотрели на ваши траты.");
    }

    /// <summary>Deposits, investments, gold, exchange and loans fall back to the average balance.</summary>
    private static void BalanceFallback(PushContext x, List<string> openings)
    {
        Add(openings, PushContext.Has(x.Client.AvgMonthlyBalanceKzt), () => $"{x.Name}, у вас в среднем {x.Money(x.Client.AvgMonthlyBalanceKzt)} на счёте.");
        Add(openings, openings.Count == 0, () => $"{x.Name}, мы посмотрели на ваши счета.");
    }

    /// <summary>The young client's lively sentence first; everyone gets the calmer details.</summary>
    private static string[] Details(PushContext x, string young, params string[] calm) => x.Young ? [young, .. calm] : calm;
}
