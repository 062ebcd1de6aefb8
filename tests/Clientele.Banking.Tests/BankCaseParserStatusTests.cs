using Clientele.Banking.Domain;

namespace Clientele.Banking.Tests;

public sealed class BankCaseParserStatusTests
{
    [Fact]
    public void Slang_statuses_in_clients_csv_map_to_the_official_ones()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("clients.csv", """
            client_code,name,status,age,city,avg_monthly_balance_KZT
            1,Айгерим,зп,29,Алматы,100
            2,Данияр,  ВИП  ,40,Астана,200
            3,Сабина,Обычный,35,Караганда,300
            4,Ерлан,СТУДЕНТ,20,Шымкент,400
            5,Асель,  зарплатный   КЛИЕНТ ,31,Тараз,500
            6,Нурлан,премиальный клиент,50,Павлодар,600
            """));

        Assert.Empty(parsed.Problems);
        Assert.Equal(
            [ClientStatus.Salary, ClientStatus.Premium, ClientStatus.Standard, ClientStatus.Student, ClientStatus.Salary, ClientStatus.Premium],
            parsed.Clients.Select(c => c.Status));
    }

    [Fact]
    public void An_unknown_status_is_a_problem_at_its_file_and_line()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("clients.csv", """
            client_code,name,status,age,city,avg_monthly_balance_KZT
            1,Айгерим,зп,29,Алматы,100
            2,Данияр,золотой,40,Астана,200
            3,Сабина,Стандартный клиент,35,Караганда,300
            """));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal("clients.csv", problem.File);
        Assert.Equal(3, problem.Line);
        Assert.Contains("золотой", problem.Message, StringComparison.Ordinal);
        Assert.Equal([1, 3], parsed.Clients.Select(c => c.ClientCode));
    }

    [Fact]
    public void The_first_data_row_is_line_2()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("clients.csv", """
            client_code,name,status,age,city,avg_monthly_balance_KZT
            1,Айгерим,банкир,29,Алматы,100
            """, bom: true, crlf: true));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(("clients.csv", 2), (problem.File, problem.Line));
        Assert.Empty(parsed.Clients);
    }

    [Fact]
    public void The_slang_status_of_per_client_files_is_not_checked()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("client_1_transactions_3m.csv", """
            client_code,name,status,city,date,category,amount,currency
            1,Айгерим,что-то,Алматы,2025-06-01 08:00:23,Такси,3619.12,KZT
            """));

        Assert.Empty(parsed.Problems);
        Assert.Single(parsed.Transactions);
    }
}
