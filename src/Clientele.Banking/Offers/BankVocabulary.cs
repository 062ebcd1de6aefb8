namespace Clientele.Banking.Offers;

/// <summary>
/// The words of the case data the engine, the push and the demo data share: card categories and transfer types. Settings take
/// their default lists from here; nothing else spells these words.
/// </summary>
public static class BankVocabulary
{
    public static class Categories
    {
        public const string Restaurants = "Кафе и рестораны";
        public const string Groceries = "Продукты питания";
        public const string Taxi = "Такси";
        public const string FoodDelivery = "Едим дома";
        public const string Streaming = "Смотрим дома";
        public const string Gaming = "Играем дома";
        public const string Cinema = "Кино";
        public const string Fuel = "АЗС";
        public const string Cosmetics = "Косметика и Парфюмерия";
        public const string Hotels = "Отели";
        public const string Travel = "Путешествия";
        public const string Sport = "Спорт";
        public const string Gifts = "Подарки";
        public const string Entertainment = "Развлечения";
        public const string HomeRepair = "Ремонт дома";
        public const string Furniture = "Мебель";
        public const string Clothes = "Одежда и обувь";
        public const string Jewellery = "Ювелирные украшения";
        public const string Car = "Авто";
        public const string Medicine = "Медицина";
        public const string Pets = "Питомцы";
        public const string Books = "Книги";
        public const string Flowers = "Цветы";
        public const string Spa = "Спа и массаж";

        /// <summary>Where the travel card pays its cashback (also the spending a traveller does in foreign currency).</summary>
        public static readonly IReadOnlyList<string> TravelAndTaxi = [Travel, Hotels, Taxi];

        /// <summary>The trips themselves, without taxi rides.</summary>
        public static readonly IReadOnlyList<string> Trips = [Travel, Hotels];

        /// <summary>The premium card's boosted categories.</summary>
        public static readonly IReadOnlyList<string> Boutique = [Jewellery, Cosmetics, Restaurants];

        /// <summary>The credit card's online services.</summary>
        public static readonly IReadOnlyList<string> OnlineServices = [FoodDelivery, Streaming, Gaming, Cinema];
    }

    public static class TransferTypes
    {
        public const string SalaryIn = "salary_in";
        public const string P2pOut = "p2p_out";
        public const string CardOut = "card_out";
        public const string AtmWithdrawal = "atm_withdrawal";
        public const string FxBuy = "fx_buy";
        public const string FxSell = "fx_sell";
        public const string DepositTopupOut = "deposit_topup_out";
        public const string LoanPaymentOut = "loan_payment_out";
        public const string CreditCardRepaymentOut = "cc_repayment_out";
        public const string InstallmentPaymentOut = "installment_payment_out";
        public const string InvestOut = "invest_out";
        public const string InvestIn = "invest_in";
        public const string GoldBuyOut = "gold_buy_out";
        public const string GoldSellIn = "gold_sell_in";
        public const string UtilitiesOut = "utilities_out";
        public const string CardIn = "card_in";
        public const string FamilyIn = "family_in";
        public const string CashbackIn = "cashback_in";
        public const string RefundIn = "refund_in";
        public const string DepositFxTopupOut = "deposit_fx_topup_out";
        public const string DepositFxWithdrawIn = "deposit_fx_withdraw_in";

        /// <summary>Transfers to Kazakh cards whose fees the premium card saves.</summary>
        public static readonly IReadOnlyList<string> ToCards = [P2pOut, CardOut];
    }
}
