using System.Globalization;
using Clientele.Retail.Data;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Pages;

public sealed record CustomerRow(int CustomerId, string Name, string Gender, int Age, string City, string IncomeLevel, string? Segment);

/// <summary>What the customers page reads: a page of customers for a search and a segment, in the order asked.</summary>
public static class CustomerQueries
{
    public static async Task<(List<CustomerRow> Rows, int Total)> SearchAsync(RetailDbContext db, string? search, string? segment, string? sort, bool descending,
        int page, int pageSize, CancellationToken cancellationToken)
    {
        var customers = db.Customers.AsNoTracking();
        if (!string.IsNullOrEmpty(segment))
        {
            customers = customers.Where(c => c.CustomerSegment == segment);
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var isId = int.TryParse(term, NumberStyles.None, CultureInfo.InvariantCulture, out var id);
            // SQLite's case folding is ASCII-only, so names are matched as typed, in lower case and capitalised.
            var lower = term.ToLower(CultureInfo.InvariantCulture);
            var capitalised = char.ToUpper(lower[0], CultureInfo.InvariantCulture) + lower[1..];
            customers = customers.Where(c => (isId && c.CustomerId == id)
                || c.FirstName.Contains(term) || c.FirstName.Contains(capitalised) || c.LastName.Contains(term) || c.LastName.Contains(capitalised)
                || c.City.Contains(term) || c.City.Contains(capitalised) || c.Email.Contains(lower));
        }
        var total = await customers.CountAsync(cancellationToken);
        customers = (sort, descending) switch
        {
            ("name", false) => customers.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.CustomerId),
            ("name", true) => customers.OrderByDescending(c => c.LastName).ThenByDescending(c => c.FirstName).ThenBy(c => c.CustomerId),
            ("age", false) => customers.OrderBy(c => c.Age).ThenBy(c => c.CustomerId),
            ("age", true) => customers.OrderByDescending(c => c.Age).ThenBy(c => c.CustomerId),
            ("city", false) => customers.OrderBy(c => c.City).ThenBy(c => c.CustomerId),
            ("city", true) => customers.OrderByDescending(c => c.City).ThenBy(c => c.CustomerId),
            (_, true) => customers.OrderByDescending(c => c.CustomerId),
            _ => customers.OrderBy(c => c.CustomerId),
        };
        var rows = await customers.Skip(page * pageSize).Take(pageSize)
            .Select(c => new CustomerRow(c.CustomerId, c.FirstName + " " + c.LastName, c.Gender, c.Age, c.City, c.IncomeLevel, c.CustomerSegment))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    public static async Task<List<string>> SegmentsAsync(RetailDbContext db, CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking().Where(c => c.CustomerSegment != null).Select(c => c.CustomerSegment!).Distinct().OrderBy(s => s)
            .ToListAsync(cancellationToken);
}
