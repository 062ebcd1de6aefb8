using Clientele.Leads.Qualification;

namespace Clientele.Leads.Tests.Qualification;

public sealed class BudgetExtractorTests
{
    private static BudgetRange? Amount(string message, bool asked = false) =>
        BudgetExtractor.FindAmount(TextNormalizer.Normalize(message), asked);

    [Theory]
    [InlineData("15 000 тг", 15000)]
    [InlineData("15к", 15000)]
    [InlineData("15 к", 15000)]
    [InlineData("15k", 15000)]
    [InlineData("15000 тенге", 15000)]
    [InlineData("15.000₸", 15000)]
    [InlineData("20 мың", 20000)]
    [InlineData("20 мың теңге", 20000)]
    [InlineData("20 мын тенге", 20000)]
    [InlineData("1.5 млн", 1500000)]
    [InlineData("пятнадцать тысяч", 15000)]
    [InlineData("двадцать пять тысяч тенге", 25000)]
    [InlineData("он бес мың", 15000)]
    [InlineData("жиырма мың", 20000)]
    [InlineData("бюджет 30000", 30000)]
    [InlineData("около 50 тыс", 50000)]
    [InlineData("15 тыщ", 15000)]
    [InlineData("Тысяч 20", 20000)]
    [InlineData("рассчитываю тысяч на 25", 25000)]
    public void Exact_amounts(string message, int expected)
    {
        var range = Amount(message);

        Assert.NotNull(range);
        Assert.Equal(expected, range.Min);
        Assert.Equal(expected, range.Max);
    }

    [Theory]
    [InlineData("до 20 тысяч", null, 20000)]
    [InlineData("не больше 20к", null, 20000)]
    [InlineData("20 мыңға дейін", null, 20000)]
    [InlineData("от 50к", 50000, null)]
    [InlineData("50 мыңнан бастап", 50000, null)]
    [InlineData("от 10 до 15 тыс", 10000, 15000)]
    [InlineData("10-15к", 10000, 15000)]
    [InlineData("от 10 000 до 15 000 тг", 10000, 15000)]
    [InlineData("10 мыңнан 15 мыңға дейін", 10000, 15000)]
    [InlineData("500-600 тысяч", 500000, 600000)]
    [InlineData("15 000 - 20 000", 15000, 20000)]
    [InlineData("в пределах 20-25 тыс", 20000, 25000)]
    public void Bounds_and_ranges(string message, int? min, int? max)
    {
        var range = Amount(message);

        Assert.NotNull(range);
        Assert.Equal(min, range.Min is { } low ? (int)low : null);
        Assert.Equal(max, range.Max is { } high ? (int)high : null);
    }

    [Theory]
    [InlineData("iphone 13 разбился экран")]
    [InlineData("ноутбук 2019 года")]
    [InlineData("через 2 недели")]
    [InlineData("квартира 65 кв м, 3 комнаты")]
    [InlineData("приходите до 5 вечера")]
    [InlineData("сколько стоит?")]
    [InlineData("87771234567")]
    public void Numbers_that_are_not_money(string message) => Assert.Null(Amount(message));

    [Fact]
    public void A_bare_number_answering_the_budget_question_is_thousands()
    {
        Assert.Equal(15000, Amount("15", asked: true)!.Max);
        Assert.Equal(40000, Amount("где-то 40000", asked: true)!.Max);
        Assert.Null(Amount("15"));
    }

    [Fact]
    public void The_phone_in_a_message_is_not_an_amount()
    {
        var text = TextNormalizer.Normalize("до 20к, мой номер 8 777 123 45 67");
        var phones = Clientele.Leads.Phones.PhoneNormalizer.FindIn(text.Folded).Select(found => (found.Start, found.Length)).ToList();

        var signal = BudgetExtractor.Read(text, null, phones);

        Assert.Equal(20000, signal!.Budget!.Max);
    }

    [Theory]
    [InlineData("цена устраивает", Evidence.Confirmed)]
    [InlineData("бағасы қолайлы", Evidence.Confirmed)]
    [InlineData("дорого", Evidence.Weak)]
    [InlineData("қымбат екен", Evidence.Weak)]
    [InlineData("денег пока нет", Evidence.Negative)]
    [InlineData("ақша жоқ", Evidence.Negative)]
    [InlineData("дорого, максимум 10к", Evidence.Strong)]
    [InlineData("Ок, беру", Evidence.Confirmed)]
    [InlineData("вроде не дорого", Evidence.Confirmed)]
    [InlineData("бюджета пока нет", Evidence.Negative)]
    public void Stance_on_money(string message, Evidence expected) =>
        Assert.Equal(expected, BudgetExtractor.Read(TextNormalizer.Normalize(message))!.Evidence);

    [Fact]
    public void Yes_counts_as_budget_agreement_only_after_the_budget_question()
    {
        Assert.Null(BudgetExtractor.Read(TextNormalizer.Normalize("нормально")));
        Assert.Equal(Evidence.Strong, BudgetExtractor.Read(TextNormalizer.Normalize("нормально"), QualificationFactor.Budget)!.Evidence);
        Assert.Null(BudgetExtractor.Read(TextNormalizer.Normalize("Жарайды, ойланайын"), QualificationFactor.Budget));
        Assert.Null(BudgetExtractor.Read(TextNormalizer.Normalize("ок, подумаю"), QualificationFactor.Budget));
    }
}
