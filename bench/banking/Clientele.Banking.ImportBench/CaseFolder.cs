using System.Globalization;
using System.Text;
using Clientele.Bench;

namespace Clientele.Banking.ImportBench;

/// <summary>
/// The synthetic bank in the case format (clients.csv, client_N_transactions_3m.csv, client_N_transfers_3m.csv), and the same
/// rows as the database's own bulk load takes them (the floor): one CSV per table, values as EF stores them.
/// </summary>
public static class CaseFolder
{
    public static void Write(string folder, int clients, int rowsPerClient, Guid organization)
    {
        var caseFolder = Path.Combine(folder, "case");
        Directory.CreateDirectory(caseFolder);
        var org = organization.ToString().ToUpperInvariant();
        using var clientsCsv = Writer(Path.Combine(caseFolder, "clients.csv"), "client_code,name,status,age,city,avg_monthly_balance_KZT");
        using var floorClients = Writer(Path.Combine(folder, "floor_clients.csv"), "OrganizationId,ClientCode,Name,Status,Age,City,AvgMonthlyBalanceKzt");
        using var floorPayments = Writer(Path.Combine(folder, "floor_transactions.csv"), "OrganizationId,ClientCode,OccurredAt,Category,Amount,Currency,AmountKzt");
        using var floorMoves = Writer(Path.Combine(folder, "floor_transfers.csv"), "OrganizationId,ClientCode,OccurredAt,Type,Direction,Amount,Currency,AmountKzt");
        for (var code = 1; code <= clients; code++)
        {
            var client = SyntheticBank.ClientOf(code);
            clientsCsv.WriteLine(Invariant($"{code},{client.Name},{client.Status},{client.Age},{client.City},{client.Balance}"));
            floorClients.WriteLine(Invariant($"{org},{code},{client.Name},{client.Status},{client.Age},{client.City},{client.Balance}"));
            using (var payments = Writer(Path.Combine(caseFolder, $"client_{code}_transactions_3m.csv"), "client_code,name,status,city,date,category,amount,currency"))
            {
                foreach (var payment in SyntheticBank.PaymentsOf(code, rowsPerClient / 2))
                {
                    var at = payment.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                    payments.WriteLine(Invariant($"{code},{client.Name},{client.Status},{client.City},{at},{payment.Category},{payment.Amount},{payment.Currency}"));
                    var kzt = payment.Currency == "KZT" ? payment.Amount : Math.Round(payment.Amount * 510m, 2);
                    floorPayments.WriteLine(Invariant($"{org},{code},{at},{payment.Category},{payment.Amount},{payment.Currency},{kzt}"));
                }
            }
            using var moves = Writer(Path.Combine(caseFolder, $"client_{code}_transfers_3m.csv"), "client_code,name,status,city,date,type,direction,amount,currency");
            foreach (var move in SyntheticBank.MovesOf(code, rowsPerClient - rowsPerClient / 2))
            {
                var at = move.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                moves.WriteLine(Invariant($"{code},{client.Name},{client.Status},{client.City},{at},{move.Type},{move.Direction},{move.AmountKzt},KZT"));
                floorMoves.WriteLine(Invariant($"{org},{code},{at},{move.Type},{move.Direction},{move.AmountKzt},KZT,{move.AmountKzt}"));
            }
        }
    }

    private static StreamWriter Writer(string path, string header)
    {
        var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine(header);
        return writer;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
