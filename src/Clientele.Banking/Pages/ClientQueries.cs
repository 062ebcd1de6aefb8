using System.Globalization;
using Clientele.Banking.Data;
using Clientele.Banking.Domain;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Banking.Pages;

public sealed record ClientRow(int Code, string Name, string Status, int Age, string City, decimal Balance);

public sealed record MonthTotal(DateTime Month, decimal Amount);

public sealed record ClientProfileView(ClientRow Client, decimal Spending3m, IReadOnlyList<CategoryAmount> Categories, IReadOnlyList<MonthTotal> Months);

/// <summary>What the banking pages read: a page of clients for a search, and one client's profile.</summary>
public static class ClientQueries
{
    public static async Task<(List<ClientRow> Rows, int Total)> SearchAsync(BankingDbContext db, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        var clients = db.Clients.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var isCode = int.TryParse(term, NumberStyles.None, CultureInfo.InvariantCulture, out var code);
            // SQLite's case folding is ASCII-only, so Cyrillic names are matched as typed, in lower case and capitalised.
            var lower = term.ToLower(CultureInfo.InvariantCulture);
            var capitalised = char.ToUpper(lower[0], CultureInfo.InvariantCulture) + lower[1..];
            clients = clients.Where(c => (isCode && c.ClientCode == code) || c.Name.Contains(term) || c.Name.Contains(lower) || c.Name.Contains(capitalised));
        }
        var total = await clients.CountAsync(cancellationToken);
        var rows = await clients.OrderBy(c => c.ClientCode).Skip(page * pageSize).Take(pageSize)
            .Select(c => new ClientRow(c.ClientCode, c.Name, c.Status, c.Age, c.City, c.AvgMonthlyBalanceKzt))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>The API's figures (3-month window, categories) plus card spending per calendar month over all loaded data.</summary>
    public static async Task<ClientProfileView?> ProfileAsync(BankingDbContext db, int code, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.ClientCode == code)
            .Select(c => new ClientRow(c.ClientCode, c.Name, c.Status, c.Age, c.City, c.AvgMonthlyBalanceKzt))
            .FirstOrDefaultAsync(cancellationToken);
        if (client is null)
        {
            return null;
        }
        var spending = await db.Transactions.AsNoTracking().Where(t => t.ClientCode == code)
            .Select(t => new { t.OccurredAt, t.Category, t.AmountKzt }).ToListAsync(cancellationToken);
        var lastTransfer = await db.Transfers.Where(t => t.ClientCode == code).MaxAsync(t => (DateTime?)t.OccurredAt, cancellationToken);
        var window = SpendingWindow.ForClient(spending.Select(s => s.OccurredAt), lastTransfer is { } moment ? [moment] : []);
        var profile = SpendingProfile.Of(spending.Where(s => window.Contains(s.OccurredAt)).Select(s => (s.Category, s.AmountKzt)));
        var months = spending.GroupBy(s => new DateTime(s.OccurredAt.Year, s.OccurredAt.Month, 1))
            .OrderBy(g => g.Key).Select(g => new MonthTotal(g.Key, g.Sum(s => s.AmountKzt))).ToList();
        return new ClientProfileView(client, profile.Total, profile.Categories, months);
    }
}
