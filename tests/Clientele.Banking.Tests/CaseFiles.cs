using System.Globalization;
using System.Text;
using Clientele.Banking.Data.Import;
using Microsoft.Extensions.Options;

namespace Clientele.Banking.Tests;

/// <summary>Case-format files built in memory, and a parser with default or given options.</summary>
internal static class CaseFiles
{
    public const string ClientsHeader = "client_code,name,status,age,city,avg_monthly_balance_KZT";
    public const string TransactionsHeader = "client_code,name,status,city,date,category,amount,currency";
    public const string TransfersHeader = "client_code,name,status,city,date,type,direction,amount,currency";

    public const string Clients = """
        client_code,name,status,age,city,avg_monthly_balance_KZT
        1,Айгерим,Зарплатный клиент,29,Алматы,1250000.50
        2,Данияр,Студент,20,Астана,46630
        """;

    public const string Transactions = """
        client_code,name,status,city,date,category,amount,currency
        1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,3619.12,KZT
        1,Айгерим,зп,Алматы,2025-07-15 12:10:52,Продукты питания,10367.47,KZT
        2,Данияр,студент,Астана,2025-08-31 21:55:56,Кино,2500,KZT
        """;

    public const string Transfers = """
        client_code,name,status,city,date,type,direction,amount,currency
        2,Данияр,студент,Астана,2025-08-02 06:00:00,stipend_in,in,45000.00,KZT
        2,Данияр,студент,Астана,2025-08-03 22:10:05,p2p_out,out,1500.5,KZT
        1,Айгерим,зп,Алматы,2025-06-10 09:30:00,salary_in,in,650000,KZT
        """;

    public static BankCaseFile Csv(string name, string text, bool bom = false, bool crlf = false, bool finalNewline = true)
    {
        var body = text.ReplaceLineEndings("\n") + (finalNewline ? "\n" : "");
        if (crlf)
        {
            body = body.Replace("\n", "\r\n", StringComparison.Ordinal);
        }
        var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(body)).ToArray();
        return new BankCaseFile(name, () => new MemoryStream(bytes));
    }

    public static BankCaseFile[] ValidCase(bool bom = false, bool crlf = false) =>
    [
        Csv("clients.csv", Clients, bom, crlf),
        Csv("client_1_transactions_3m.csv", Transactions, bom, crlf),
        Csv("client_2_transfers_3m.csv", Transfers, bom, crlf),
    ];

    public static BankCaseParser Parser(BankingOptions? options = null) => new(Options.Create(options ?? new BankingOptions()));

    public static ParsedBankCase Parse(params BankCaseFile[] files) => Parser().Parse(files);

    /// <summary>Every parsed value as text (decimals with their scale, dates with their kind), for comparing two parses.</summary>
    public static List<string> Describe(ParsedBankCase parsed) =>
    [
        .. parsed.Clients.Select(c => Invariant($"client {c.ClientCode}|{c.Name}|{c.Status}|{c.Age}|{c.City}|{c.AvgMonthlyBalanceKzt}")),
        .. parsed.Transactions.Select(t => Invariant($"transaction {t.ClientCode}|{t.OccurredAt:O}|{t.OccurredAt.Kind}|{t.Category}|{t.Amount}|{t.Currency}|{t.AmountKzt}")),
        .. parsed.Transfers.Select(t => Invariant($"transfer {t.ClientCode}|{t.OccurredAt:O}|{t.OccurredAt.Kind}|{t.Type}|{t.Direction}|{t.Amount}|{t.Currency}|{t.AmountKzt}")),
        .. parsed.Problems.Select(p => Invariant($"problem {p.File}|{p.Line}|{p.Message}")),
    ];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
