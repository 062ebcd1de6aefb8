namespace Clientele.Banking.Tests;

public sealed class BankCaseParserFileTests
{
    [Fact]
    public void A_file_with_an_unknown_header_is_a_problem_at_line_1()
    {
        var parsed = CaseFiles.Parse(
            CaseFiles.Csv("notes.csv", """
                client_code,product,push_notification
                1,Кредитная карта,Текст
                """),
            CaseFiles.Csv("clients.csv", CaseFiles.Clients));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(("notes.csv", 1), (problem.File, problem.Line));
        Assert.Equal(2, parsed.Clients.Count);
    }

    [Fact]
    public void A_transactions_file_without_currency_is_a_problem_at_line_1_naming_the_column()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("client_1_transactions_3m.csv", """
            client_code,name,status,city,date,category,amount
            1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,100
            """));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(("client_1_transactions_3m.csv", 1), (problem.File, problem.Line));
        Assert.Contains("currency", problem.Message, StringComparison.Ordinal);
        Assert.Empty(parsed.Transactions);
    }

    [Fact]
    public void A_transfers_file_missing_two_columns_names_both()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("client_1_transfers_3m.csv", """
            client_code,name,status,city,type,amount,currency
            1,Айгерим,зп,Алматы,p2p_out,100,KZT
            """));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("date", problem.Message, StringComparison.Ordinal);
        Assert.Contains("direction", problem.Message, StringComparison.Ordinal);
        Assert.Empty(parsed.Transfers);
    }

    [Fact]
    public void A_clients_file_without_age_names_the_column()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("clients.csv", """
            client_code,name,status,city,avg_monthly_balance_KZT
            1,Айгерим,зп,Алматы,100
            """));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(("clients.csv", 1), (problem.File, problem.Line));
        Assert.Contains("age", problem.Message, StringComparison.Ordinal);
        Assert.Empty(parsed.Clients);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_empty_file_is_a_problem(bool bom)
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("client_5_transactions_3m.csv", "", bom, finalNewline: false));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal("client_5_transactions_3m.csv", problem.File);
        Assert.Empty(parsed.Transactions);
    }

    [Fact]
    public void A_duplicate_client_code_is_a_problem()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("clients.csv", """
            client_code,name,status,age,city,avg_monthly_balance_KZT
            1,Айгерим,зп,29,Алматы,100
            2,Данияр,Студент,20,Астана,200
            1,Айгерим,зп,29,Алматы,100
            """));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal("clients.csv", problem.File);
        Assert.Contains("1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_code_repeated_across_two_clients_files_is_a_problem()
    {
        var parsed = CaseFiles.Parse(
            CaseFiles.Csv("clients.csv", CaseFiles.Clients),
            CaseFiles.Csv("more_clients.csv", """
                client_code,name,status,age,city,avg_monthly_balance_KZT
                2,Данияр,Студент,20,Астана,200
                """));

        Assert.Single(parsed.Problems);
    }
}
