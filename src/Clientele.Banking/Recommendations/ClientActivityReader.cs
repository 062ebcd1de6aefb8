using System.Runtime.CompilerServices;
using Clientele.Banking.Data;
using Clientele.Banking.Domain;
using Clientele.Banking.Offers;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Banking.Recommendations;

/// <summary>
/// Reads clients with their three months of activity page by page (keyset on client code), so a batch over a million clients
/// holds one page in memory: per page one query for the clients, one for their card payments and one for their transfers.
/// </summary>
public static class ClientActivityReader
{
    public static async IAsyncEnumerable<IReadOnlyList<ClientActivity>> PagesAsync(
        BankingDbContext db, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = int.MinValue;
        while (true)
        {
            var clients = await db.Clients.AsNoTracking().Where(c => c.ClientCode > after).OrderBy(c => c.ClientCode).Take(pageSize)
                .ToListAsync(cancellationToken);
            if (clients.Count == 0)
            {
                yield break;
            }
            var (first, last) = (clients[0].ClientCode, clients[^1].ClientCode);
            var spending = (await db.Transactions.AsNoTracking().Where(t => t.ClientCode >= first && t.ClientCode <= last)
                    .Select(t => new { t.ClientCode, t.OccurredAt, t.Category, t.AmountKzt, t.Currency }).ToListAsync(cancellationToken))
                .ToLookup(t => t.ClientCode, t => new SpendingRow(t.OccurredAt, t.Category, t.AmountKzt, t.Currency));
            var transfers = (await db.Transfers.AsNoTracking().Where(t => t.ClientCode >= first && t.ClientCode <= last)
                    .Select(t => new { t.ClientCode, t.OccurredAt, t.Type, t.Direction, t.AmountKzt }).ToListAsync(cancellationToken))
                .ToLookup(t => t.ClientCode, t => new TransferRow(t.OccurredAt, t.Type, t.Direction, t.AmountKzt));
            yield return clients.Select(c => Activity(c, spending[c.ClientCode], transfers[c.ClientCode])).ToList();
            after = last;
        }
    }

    public static async Task<ClientActivity?> OneAsync(BankingDbContext db, int clientCode, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientCode == clientCode, cancellationToken);
        if (client is null)
        {
            return null;
        }
        var spending = await db.Transactions.AsNoTracking().Where(t => t.ClientCode == clientCode)
            .Select(t => new SpendingRow(t.OccurredAt, t.Category, t.AmountKzt, t.Currency)).ToListAsync(cancellationToken);
        var transfers = await db.Transfers.AsNoTracking().Where(t => t.ClientCode == clientCode)
            .Select(t => new TransferRow(t.OccurredAt, t.Type, t.Direction, t.AmountKzt)).ToListAsync(cancellationToken);
        return Activity(client, spending, transfers);
    }

    /// <summary>The engine sees the client's <see cref="SpendingWindow.ForClient"/>, the same months as the dashboard.</summary>
    public static ClientActivity Activity(BankClient client, IEnumerable<SpendingRow> spending, IEnumerable<TransferRow> transfers)
    {
        var cards = spending.ToList();
        var moves = transfers.ToList();
        var window = SpendingWindow.ForClient(cards.Select(s => s.OccurredAt), moves.Select(t => t.OccurredAt));
        return new ClientActivity(client.ClientCode, client.Name, client.Status, client.Age, client.City, client.AvgMonthlyBalanceKzt,
            cards.Where(s => window.Contains(s.OccurredAt)).OrderBy(s => s.OccurredAt).ToList(),
            moves.Where(t => window.Contains(t.OccurredAt)).OrderBy(t => t.OccurredAt).ToList());
    }
}
