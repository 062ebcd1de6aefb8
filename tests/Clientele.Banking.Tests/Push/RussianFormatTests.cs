using Clientele.Banking.Offers.Push;

namespace Clientele.Banking.Tests.Push;

public sealed class RussianFormatTests
{
    [Theory]
    [InlineData(0, "0 поездок")]
    [InlineData(1, "1 поездка")]
    [InlineData(2, "2 поездки")]
    [InlineData(4, "4 поездки")]
    [InlineData(5, "5 поездок")]
    [InlineData(11, "11 поездок")]
    [InlineData(12, "12 поездок")]
    [InlineData(14, "14 поездок")]
    [InlineData(21, "21 поездка")]
    [InlineData(22, "22 поездки")]
    [InlineData(25, "25 поездок")]
    [InlineData(101, "101 поездка")]
    [InlineData(111, "111 поездок")]
    [InlineData(112, "112 поездок")]
    [InlineData(1_000_002, "1000002 поездки")]
    public void Plural_forms_follow_the_last_two_digits(long n, string expected)
    {
        Assert.Equal(expected, RussianFormat.Plural(n, "поездка", "поездки", "поездок"));
    }

    [Theory]
    [InlineData(1, "раз")]
    [InlineData(3, "раза")]
    [InlineData(13, "раз")]
    [InlineData(23, "раза")]
    public void Plural_works_for_words_whose_one_and_many_forms_coincide(long n, string form)
    {
        Assert.Equal(form, RussianFormat.PluralForm(n, "раз", "раза", "раз"));
    }

    [Theory]
    [InlineData(1, "в январе", "января")]
    [InlineData(2, "в феврале", "февраля")]
    [InlineData(3, "в марте", "марта")]
    [InlineData(4, "в апреле", "апреля")]
    [InlineData(5, "в мае", "мая")]
    [InlineData(6, "в июне", "июня")]
    [InlineData(7, "в июле", "июля")]
    [InlineData(8, "в августе", "августа")]
    [InlineData(9, "в сентябре", "сентября")]
    [InlineData(10, "в октябре", "октября")]
    [InlineData(11, "в ноябре", "ноября")]
    [InlineData(12, "в декабре", "декабря")]
    public void Months_take_the_prepositional_and_genitive_cases(int month, string prepositional, string genitive)
    {
        Assert.Equal(prepositional, RussianFormat.InMonth(new DateTime(2025, month, 1)));
        Assert.Equal(genitive, RussianFormat.MonthGenitive(month));
    }

    [Theory]
    [InlineData(1, "за месяц")]
    [InlineData(2, "за 2 месяца")]
    [InlineData(3, "за 3 месяца")]
    [InlineData(5, "за 5 месяцев")]
    public void Periods_are_counted_in_months(int months, string expected)
    {
        Assert.Equal(expected, RussianFormat.ForMonths(months));
    }

    [Theory]
    [InlineData("1", "1 ₸")]
    [InlineData("999.99", "999 ₸")]
    [InlineData("1000", "1 000 ₸")]
    [InlineData("143945.838", "143 945 ₸")]
    [InlineData("1234567", "1 234 567 ₸")]
    [InlineData("5818675.4", "5 818 675 ₸")]
    public void Money_is_whole_tenge_in_groups_of_three(string amount, string expected)
    {
        Assert.Equal(expected, RussianFormat.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Money_can_use_a_no_break_space()
    {
        Assert.Equal("143\u00A0945\u00A0₸", RussianFormat.Money(143_945m, '\u00A0'));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.99")]
    public void Zero_is_never_printed_as_an_amount(string amount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RussianFormat.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("14.5", "14,5%")]
    [InlineData("14.50", "14,5%")]
    [InlineData("16.5", "16,5%")]
    [InlineData("4", "4%")]
    [InlineData("10.00", "10%")]
    [InlineData("0.25", "0,25%")]
    public void Percentages_use_a_decimal_comma_and_no_trailing_zeros(string percent, string expected)
    {
        Assert.Equal(expected, RussianFormat.Percent(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
