using Clientele.Retail.Data;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Rules;

public static class ProductNames
{
    public static async Task<Dictionary<int, string>> ReadAsync(RetailDbContext db, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Sku, p => p.Name, cancellationToken);
}
