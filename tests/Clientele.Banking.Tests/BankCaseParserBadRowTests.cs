namespace Clientele.Banking.Tests;

public sealed class BankCaseParserBadRowTests
{
    private const string File = "client_1_transactions_3m.csv";

    [Theory]
    [InlineData("1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,abc,KZT", "amount")]
    [InlineData("1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,12\u00a0000,KZT", "amount")]
    [InlineData("1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,-5,KZT", "amount")]
    [InlineData("1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,0,KZT", "amount")]
    [InlineData("1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,,KZT", "amount")]
    [InlineData("1,Айгерим,зп,Алматы,2025-06-31 08:00:23,Такси,100,KZT", "date")]
    [InlineData("1,Айгерим,зп,Алматы,01.06.2025 08:00,Такси,100,KZT", "date")]
    [InlineData("1,Айгерим,зп,Алматы,2025-06-01 08:00:23,,100,KZT", "category")]
    [InlineData("1,Айгерим,зп,Алматы,2025-06-01 08:00:23,   ,100,KZT", "category")]
    [InlineData("0,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,100,KZT", "client_code")]
    [InlineData("abc,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,100,KZT", "client_code")]
    [InlineData("1.5,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,100,KZT", "client_code")]
    [InlineData("1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,100,", "currency")]
    public void A_bad_transaction_row_is_one_problem_at_its_line(string bad, string column)
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv(File, $"""
            {CaseFiles.TransactionsHeader}
            1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,100,KZT
            {bad}
            1,Айгерим,зп,Алматы,2025-06-02 08:00:23,Кино,200,KZT
            """));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal((File, 3), (problem.File, problem.Line));
        Assert.Contains(column, problem.Message, StringComparison.Ordinal);
        Assert.Equal([100m, 200m], parsed.Transactions.Select(t => t.Amount));
    }

    [Theory]
    [InlineData("2,Данияр,студент,Астана,2025-08-02 06:00:00,p2p_out,sideways,100,KZT", "direction")]
    [InlineData("2,Данияр,студент,Астана,2025-08-02 06:00:00,p2p_out,,100,KZT", "direction")]
    [InlineData("2,Данияр,студент,Астана,2025-08-02 06:00:00,,out,100,KZT", "type")]
    [InlineData("2,Данияр,студент,Астана,2025-08-02 06:00:00,p2p_out,out,-100,KZT", "amount")]
    [InlineData("2,Данияр,студент,Астана,yesterday,p2p_out,out,100,KZT", "date")]
    public void A_bad_transfer_row_is_one_problem_at_its_line(string bad, string column)
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("client_2_transfers_3m.csv", $"""
            {CaseFiles.TransfersHeader}
            {bad}
            2,Данияр,студент,Астана,2025-08-03 06:00:00,stipend_in,in,45000,KZT
            """));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(("client_2_transfers_3m.csv", 2), (problem.File, problem.Line));
        Assert.Contains(column, problem.Message, StringComparison.Ordinal);
        Assert.Equal(["stipend_in"], parsed.Transfers.Select(t => t.Type));
    }

    [Fact]
    public void Direction_is_read_case_insensitively_and_stored_lower_case()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("client_2_transfers_3m.csv", $"""
            {CaseFiles.TransfersHeader}
            2,Данияр,студент,Астана,2025-08-03 06:00:00,stipend_in,IN,45000,KZT
            2,Данияр,студент,Астана,2025-08-04 06:00:00,atm_withdrawal, Out ,5000,KZT
            """));

        Assert.Empty(parsed.Problems);
        Assert.Equal(["in", "out"], parsed.Transfers.Select(t => t.Direction));
    }

    [Theory]
    [InlineData("2,Данияр,Студент,200,Астана,46630", "age")]
    [InlineData("2,Данияр,Студент,-1,Астана,46630", "age")]
    [InlineData("2,Данияр,Студент,двадцать,Астана,46630", "age")]
    [InlineData("2,Данияр,Студент,20,Астана,-10", "avg_monthly_balance_KZT")]
    [InlineData("2,,Студент,20,Астана,46630", "name")]
    [InlineData("2,Данияр,Студент,20,,46630", "city")]
    [InlineData("2,Данияр,,20,Астана,46630", "status")]
    public void A_bad_client_row_is_one_problem_at_its_line(string bad, string column)
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("clients.csv", $"""
            {CaseFiles.ClientsHeader}
            1,Айгерим,Зарплатный клиент,29,Алматы,1250000.50
            {bad}
            3,Сабина,Студент,21,Алматы,0
            """));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(("clients.csv", 3), (problem.File, problem.Line));
        Assert.Contains(column, problem.Message, StringComparison.Ordinal);
        Assert.Equal([1, 3], parsed.Clients.Select(c => c.ClientCode));
    }

    [Fact]
    public void Several_bad_rows_give_one_problem_each_at_their_own_line()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv(File, $"""
            {CaseFiles.TransactionsHeader}
            1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,100,KZT
            1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,abc,KZT
            1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,-5,KZT
            1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,0,KZT
            1,Айгерим,зп,Алматы,2025-13-01 08:00:23,Такси,100,KZT
            1,Айгерим,зп,Алматы,2025-06-01 08:00:23,,100,KZT
            0,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,100,KZT
            abc,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,100,KZT
            1,Айгерим,зп,Алматы,2025-06-02 09:00:00,Кино,250.25,KZT
            1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,1,XYZ
            """));

        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 11], parsed.Problems.Select(p => p.Line));
        Assert.All(parsed.Problems, p => Assert.Equal(File, p.File));
        Assert.Equal([100m, 250.25m], parsed.Transactions.Select(t => t.Amount));
    }

    [Fact]
    public void A_row_with_several_bad_fields_is_still_counted_at_its_line()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv(File, $"""
            {CaseFiles.TransactionsHeader}
            abc,Айгерим,зп,Алматы,never,,-1,XYZ
            1,Айгерим,зп,Алматы,2025-06-02 09:00:00,Кино,250.25,KZT
            """));

        Assert.NotEmpty(parsed.Problems);
        Assert.All(parsed.Problems, p => Assert.Equal((File, 2), (p.File, p.Line)));
        Assert.Equal([250.25m], parsed.Transactions.Select(t => t.Amount));
    }

    [Fact]
    public void Problems_in_different_files_keep_their_own_file_names()
    {
        var parsed = CaseFiles.Parse(
            CaseFiles.Csv("clients.csv", $"""
                {CaseFiles.ClientsHeader}
                1,Айгерим,Зарплатный клиент,200,Алматы,100
                """),
            CaseFiles.Csv("client_1_transactions_3m.csv", $"""
                {CaseFiles.TransactionsHeader}
                1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,100,KZT
                1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,x,KZT
                """),
            CaseFiles.Csv("client_1_transfers_3m.csv", $"""
                {CaseFiles.TransfersHeader}
                1,Айгерим,зп,Алматы,2025-06-01 08:00:23,p2p_out,out,100,KZT
                1,Айгерим,зп,Алматы,2025-06-01 08:00:23,p2p_out,out,100,KZT
                1,Айгерим,зп,Алматы,2025-06-01 08:00:23,p2p_out,up,100,KZT
                """));

        Assert.Equal(
            [("clients.csv", 2), ("client_1_transactions_3m.csv", 3), ("client_1_transfers_3m.csv", 4)],
            parsed.Problems.Select(p => (p.File, p.Line)));
    }
}
