namespace Clientele.Banking.Tests;

/// <summary>Malformed input must come back as problems, never as an exception from the parser.</summary>
public sealed class BankCaseParserRobustnessTests
{
    [Fact]
    public void A_row_with_too_few_fields_is_a_problem_at_its_line()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("client_1_transactions_3m.csv", $"""
            {CaseFiles.TransactionsHeader}
            1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,100,KZT
            1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,100
            1,Айгерим,зп,Алматы,2025-06-02 08:00:23,Кино,200,KZT
            """));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(("client_1_transactions_3m.csv", 3), (problem.File, problem.Line));
        Assert.Equal([100m, 200m], parsed.Transactions.Select(t => t.Amount));
    }

    [Fact]
    public void Header_names_in_another_case_are_read_like_the_exact_ones()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("clients.csv", """
            Client_Code,Name,Status,Age,City,AVG_MONTHLY_BALANCE_KZT
            1,Айгерим,Зарплатный клиент,29,Алматы,1250000.50
            """));

        Assert.Empty(parsed.Problems);
        Assert.Equal(1250000.50m, Assert.Single(parsed.Clients).AvgMonthlyBalanceKzt);
    }
}
