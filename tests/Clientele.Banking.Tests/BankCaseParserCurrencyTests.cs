namespace Clientele.Banking.Tests;

public sealed class BankCaseParserCurrencyTests
{
    private const string EuroTransactions = """
        client_code,name,status,city,date,category,amount,currency
        3,Сабина,студент,Алматы,2025-07-01 10:00:00,Путешествия,12.34,EUR
        3,Сабина,студент,Алматы,2025-07-02 11:00:00,Отели,100,eur
        3,Сабина,студент,Алматы,2025-07-03 12:00:00,Такси,1500.75,KZT
        """;

    [Fact]
    public void Euro_amounts_are_converted_at_the_default_rate_and_kept()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("client_3_transactions_3m.csv", EuroTransactions));

        Assert.Empty(parsed.Problems);
        var travel = parsed.Transactions[0];
        Assert.Equal(12.34m, travel.Amount);
        Assert.Equal("EUR", travel.Currency);
        Assert.Equal(6293.40m, travel.AmountKzt);
        var hotel = parsed.Transactions[1];
        Assert.Equal(100m, hotel.Amount);
        Assert.Equal("EUR", hotel.Currency);
        Assert.Equal(51000m, hotel.AmountKzt);
        var taxi = parsed.Transactions[2];
        Assert.Equal(("KZT", 1500.75m, 1500.75m), (taxi.Currency, taxi.Amount, taxi.AmountKzt));
    }

    [Fact]
    public void A_configured_rate_is_used()
    {
        var options = new BankingOptions { ExchangeRates = { ["EUR"] = 600m } };

        var parsed = CaseFiles.Parser(options).Parse([CaseFiles.Csv("client_3_transactions_3m.csv", EuroTransactions)]);

        Assert.Empty(parsed.Problems);
        Assert.Equal([7404.00m, 60000m, 1500.75m], parsed.Transactions.Select(t => t.AmountKzt));
        Assert.Equal([12.34m, 100m, 1500.75m], parsed.Transactions.Select(t => t.Amount));
    }

    [Fact]
    public void Converted_amounts_are_rounded_to_two_decimals()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("client_4_transactions_3m.csv", """
            client_code,name,status,city,date,category,amount,currency
            4,Ерлан,зп,Алматы,2025-07-01 10:00:00,Подарки,1.11,RUB
            """));

        Assert.Empty(parsed.Problems);
        var gift = Assert.Single(parsed.Transactions);
        Assert.Equal(6.44m, gift.AmountKzt);
        Assert.Equal(1.11m, gift.Amount);
        Assert.Equal("RUB", gift.Currency);
    }

    [Fact]
    public void Transfers_in_a_foreign_currency_are_converted_too()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("client_3_transfers_3m.csv", """
            client_code,name,status,city,date,type,direction,amount,currency
            3,Сабина,студент,Алматы,2025-07-01 10:00:00,fx_buy,out,200.5,USD
            """));

        Assert.Empty(parsed.Problems);
        var transfer = Assert.Single(parsed.Transfers);
        Assert.Equal(("USD", 200.5m, 94235.00m), (transfer.Currency, transfer.Amount, transfer.AmountKzt));
    }

    [Fact]
    public void An_unknown_currency_is_a_problem_naming_its_configuration_key()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("client_3_transactions_3m.csv", """
            client_code,name,status,city,date,category,amount,currency
            3,Сабина,студент,Алматы,2025-07-01 10:00:00,Такси,100,KZT
            3,Сабина,студент,Алматы,2025-07-02 10:00:00,Такси,100,XYZ
            """));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(("client_3_transactions_3m.csv", 3), (problem.File, problem.Line));
        Assert.Contains("Clientele:Banking:ExchangeRates:XYZ", problem.Message, StringComparison.Ordinal);
        Assert.Single(parsed.Transactions);
    }
}
