namespace Clientele.Banking.Tests;

public sealed class BankCaseParserColumnTests
{
    private static readonly List<string> Plain = CaseFiles.Describe(CaseFiles.Parser().Parse(CaseFiles.ValidCase()));

    [Fact]
    public void Extra_unknown_columns_are_ignored()
    {
        var parsed = CaseFiles.Parse(
            CaseFiles.Csv("clients.csv", """
                client_code,name,product,status,age,city,avg_monthly_balance_KZT,note
                1,Айгерим,Депозит,Зарплатный клиент,29,Алматы,1250000.50,x
                2,Данияр,Кредитная карта,Студент,20,Астана,46630,y
                """),
            CaseFiles.Csv("client_1_transactions_3m.csv", """
                client_code,name,product,status,city,date,category,amount,currency,note
                1,Айгерим,Карта для путешествий,зп,Алматы,2025-06-01 08:00:23,Такси,3619.12,KZT,a
                1,Айгерим,Карта для путешествий,зп,Алматы,2025-07-15 12:10:52,Продукты питания,10367.47,KZT,b
                2,Данияр,Карта для путешествий,студент,Астана,2025-08-31 21:55:56,Кино,2500,KZT,c
                """),
            CaseFiles.Csv("client_2_transfers_3m.csv", """
                client_code,name,product,status,city,date,type,direction,amount,currency,note
                2,Данияр,Обмен валют,студент,Астана,2025-08-02 06:00:00,stipend_in,in,45000.00,KZT,a
                2,Данияр,Обмен валют,студент,Астана,2025-08-03 22:10:05,p2p_out,out,1500.5,KZT,b
                1,Айгерим,Обмен валют,зп,Алматы,2025-06-10 09:30:00,salary_in,in,650000,KZT,c
                """));

        Assert.Empty(parsed.Problems);
        Assert.Equal(Plain, CaseFiles.Describe(parsed));
    }

    [Fact]
    public void Columns_in_another_order_map_by_header_name()
    {
        var parsed = CaseFiles.Parse(
            CaseFiles.Csv("clients.csv", """
                avg_monthly_balance_KZT,city,age,status,name,client_code
                1250000.50,Алматы,29,Зарплатный клиент,Айгерим,1
                46630,Астана,20,Студент,Данияр,2
                """),
            CaseFiles.Csv("client_1_transactions_3m.csv", """
                currency,amount,category,date,city,status,name,client_code
                KZT,3619.12,Такси,2025-06-01 08:00:23,Алматы,зп,Айгерим,1
                KZT,10367.47,Продукты питания,2025-07-15 12:10:52,Алматы,зп,Айгерим,1
                KZT,2500,Кино,2025-08-31 21:55:56,Астана,студент,Данияр,2
                """),
            CaseFiles.Csv("client_2_transfers_3m.csv", """
                amount,direction,type,currency,date,client_code
                45000.00,in,stipend_in,KZT,2025-08-02 06:00:00,2
                1500.5,out,p2p_out,KZT,2025-08-03 22:10:05,2
                650000,in,salary_in,KZT,2025-06-10 09:30:00,1
                """));

        Assert.Empty(parsed.Problems);
        Assert.Equal(Plain, CaseFiles.Describe(parsed));
    }

    [Fact]
    public void Files_are_told_apart_by_header_not_by_name()
    {
        var parsed = CaseFiles.Parse(
            CaseFiles.Csv("a.csv", CaseFiles.Transfers),
            CaseFiles.Csv("b.csv", CaseFiles.Clients),
            CaseFiles.Csv("c.csv", CaseFiles.Transactions));

        Assert.Empty(parsed.Problems);
        Assert.Equal(2, parsed.Clients.Count);
        Assert.Equal(3, parsed.Transactions.Count);
        Assert.Equal(3, parsed.Transfers.Count);
    }
}
