using Clientele.Banking.Domain;

namespace Clientele.Banking.Tests;

public sealed class BankCaseParserValidCaseTests
{
    [Fact]
    public void A_small_valid_case_parses_without_problems()
    {
        var parsed = CaseFiles.Parser().Parse(CaseFiles.ValidCase());

        Assert.Empty(parsed.Problems);
        Assert.Equal(2, parsed.Clients.Count);
        Assert.Equal(3, parsed.Transactions.Count);
        Assert.Equal(3, parsed.Transfers.Count);
    }

    [Fact]
    public void Clients_carry_the_values_of_clients_csv()
    {
        var parsed = CaseFiles.Parser().Parse(CaseFiles.ValidCase());

        var first = parsed.Clients[0];
        Assert.Equal(1, first.ClientCode);
        Assert.Equal("Айгерим", first.Name);
        Assert.Equal(ClientStatus.Salary, first.Status);
        Assert.Equal(29, first.Age);
        Assert.Equal("Алматы", first.City);
        Assert.Equal(1250000.50m, first.AvgMonthlyBalanceKzt);

        var second = parsed.Clients[1];
        Assert.Equal(2, second.ClientCode);
        Assert.Equal(ClientStatus.Student, second.Status);
        Assert.Equal(20, second.Age);
        Assert.Equal("Астана", second.City);
        Assert.Equal(46630m, second.AvgMonthlyBalanceKzt);
    }

    [Fact]
    public void Transactions_carry_exact_amounts_and_local_dates()
    {
        var parsed = CaseFiles.Parser().Parse(CaseFiles.ValidCase());

        var taxi = parsed.Transactions[0];
        Assert.Equal(1, taxi.ClientCode);
        Assert.Equal(new DateTime(2025, 6, 1, 8, 0, 23), taxi.OccurredAt);
        Assert.Equal(DateTimeKind.Unspecified, taxi.OccurredAt.Kind);
        Assert.Equal("Такси", taxi.Category);
        Assert.Equal(3619.12m, taxi.Amount);
        Assert.Equal("KZT", taxi.Currency);
        Assert.Equal(3619.12m, taxi.AmountKzt);

        var food = parsed.Transactions[1];
        Assert.Equal(new DateTime(2025, 7, 15, 12, 10, 52), food.OccurredAt);
        Assert.Equal("Продукты питания", food.Category);
        Assert.Equal(10367.47m, food.AmountKzt);

        var cinema = parsed.Transactions[2];
        Assert.Equal(2, cinema.ClientCode);
        Assert.Equal(new DateTime(2025, 8, 31, 21, 55, 56), cinema.OccurredAt);
        Assert.Equal(2500m, cinema.AmountKzt);

        Assert.Equal(16486.59m, parsed.Transactions.Sum(t => t.AmountKzt));
        Assert.All(parsed.Transactions, t => Assert.Equal(DateTimeKind.Unspecified, t.OccurredAt.Kind));
    }

    [Fact]
    public void Transfers_carry_type_direction_and_exact_amounts()
    {
        var parsed = CaseFiles.Parser().Parse(CaseFiles.ValidCase());

        var stipend = parsed.Transfers[0];
        Assert.Equal(2, stipend.ClientCode);
        Assert.Equal(new DateTime(2025, 8, 2, 6, 0, 0), stipend.OccurredAt);
        Assert.Equal("stipend_in", stipend.Type);
        Assert.Equal("in", stipend.Direction);
        Assert.Equal(45000m, stipend.Amount);
        Assert.Equal(45000m, stipend.AmountKzt);
        Assert.Equal("KZT", stipend.Currency);

        var p2p = parsed.Transfers[1];
        Assert.Equal("p2p_out", p2p.Type);
        Assert.Equal("out", p2p.Direction);
        Assert.Equal(1500.50m, p2p.AmountKzt);
        Assert.Equal(new DateTime(2025, 8, 3, 22, 10, 5), p2p.OccurredAt);

        Assert.Equal(1, parsed.Transfers[2].ClientCode);
        Assert.Equal(650000m, parsed.Transfers[2].AmountKzt);
        Assert.All(parsed.Transfers, t => Assert.Equal(DateTimeKind.Unspecified, t.OccurredAt.Kind));
    }

    [Fact]
    public void A_file_with_only_a_header_gives_no_rows_and_no_problems()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("client_9_transactions_3m.csv", CaseFiles.TransactionsHeader));

        Assert.Empty(parsed.Problems);
        Assert.Empty(parsed.Transactions);
    }
}
