using System.Text.Json.Serialization;
using Clientele.Platform.Json;
using Clientele.Platform.Modules;
using Clientele.Retail.Data;
using Clientele.Retail.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Retail.Sales;

/// <summary>Seed 001's sales lines: line_total computed, product and transaction checked, the transaction's amount rule kept.</summary>
public static class SaleEndpoints
{
    public const string Entity = "sale";

    public sealed record SaleView(
        int SaleId, int TransactionId, int ProductSku, int Quantity,
        [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal UnitPrice,
        [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal LineTotal)
    {
        public static SaleView Of(Sale s) => new(s.SaleId, s.TransactionId, s.ProductSku, s.Quantity, s.UnitPrice, s.LineTotal);
    }

    public static void Map(RouteGroupBuilder retail)
    {
        var sales = retail.MapGroup("/api/sales").WithTags("Sales");
        sales.MapGet("/", ListAsync).WithName("ListSales")
            .WithSummary("Sales lines by sale_id; filters transaction_id and product_sku; skip and limit page.");
        sales.MapPost("/", CreateAsync).WithName("CreateSale")
            .WithSummary("Adds a line to a transaction; line_total = quantity × unit_price, rounded to cents.")
            .RequireWriteAccess(RetailModule.Name);
        sales.MapGet("/{sale_id}", GetAsync).WithName("GetSale").WithSummary("One sales line.");
        sales.MapPut("/{sale_id}", UpdateAsync).WithName("UpdateSale").WithSummary("Replaces a line's fields; line_total is computed again.")
            .RequireWriteAccess(RetailModule.Name);
        sales.MapDelete("/{sale_id}", DeleteAsync).WithName("DeleteSale").WithSummary("Deletes a line; answers with the deleted line.")
            .RequireWriteAccess(RetailModule.Name);
    }

    public static async Task<IResult> ListAsync(RetailDbContext db, [FromQuery] int? skip, [FromQuery] int? limit,
        [FromQuery(Name = "transaction_id")] int? transactionId, [FromQuery(Name = "product_sku")] int? productSku, CancellationToken cancellationToken)
    {
        var query = new Checks("query");
        Paging.Check(query, skip, limit);
        if (!query.Ok)
        {
            return Paging.Invalid(query.Problems);
        }
        var rows = db.Sales.AsNoTracking();
        rows = transactionId is null ? rows : rows.Where(s => s.TransactionId == transactionId);
        rows = productSku is null ? rows : rows.Where(s => s.ProductSku == productSku);
        var page = await rows.OrderBy(s => s.SaleId).Page(skip, limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(SaleView.Of).ToList());
    }

    public static async Task<IResult> CreateAsync(SaleInput request, RetailDbContext db, IOptions<RetailOptions> options, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var checks = new Checks();
            if (request.Check(checks) is not { } sale)
            {
                return Paging.Invalid(checks.Problems);
            }
            var transaction = await AddToTransactionAsync(db, checks, sale, options.Value.MaxDiscount, cancellationToken);
            if (transaction is null)
            {
                return Paging.Invalid(checks.Problems);
            }
            sale.SaleId = (await db.Sales.MaxAsync(s => (int?)s.SaleId, cancellationToken) ?? 0) + 1;
            db.Sales.Add(sale);
            RetailEvents.Row(db, Entity, RetailEvents.Created, SaleView.Of(sale));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(SaleView.Of(sale));
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another line took this sale_id or changed the transaction meanwhile: decide again on what is stored now.
                db.ChangeTracker.Clear();
            }
        }
    }

    public static async Task<IResult> GetAsync([FromRoute(Name = "sale_id")] int saleId, RetailDbContext db, CancellationToken cancellationToken) =>
        await db.Sales.AsNoTracking().FirstOrDefaultAsync(s => s.SaleId == saleId, cancellationToken) is { } sale
            ? TypedResults.Ok(SaleView.Of(sale))
            : NotFound();

    public static async Task<IResult> UpdateAsync([FromRoute(Name = "sale_id")] int saleId, SaleInput request, RetailDbContext db,
        IOptions<RetailOptions> options, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await db.Sales.FirstOrDefaultAsync(s => s.SaleId == saleId, cancellationToken);
            if (stored is null)
            {
                return NotFound();
            }
            var checks = new Checks();
            if (request.Check(checks) is not { } changed)
            {
                return Paging.Invalid(checks.Problems);
            }
            var previous = await db.Transactions.FirstAsync(t => t.TransactionId == stored.TransactionId, cancellationToken);
            previous.LinesTotal -= stored.LineTotal;
            previous.Version++;
            if (await AddToTransactionAsync(db, checks, changed, options.Value.MaxDiscount, cancellationToken) is null)
            {
                db.ChangeTracker.Clear();
                return Paging.Invalid(checks.Problems);
            }
            (stored.TransactionId, stored.ProductSku, stored.Quantity, stored.UnitPrice, stored.LineTotal) =
                (changed.TransactionId, changed.ProductSku, changed.Quantity, changed.UnitPrice, changed.LineTotal);
            RetailEvents.Row(db, Entity, RetailEvents.Updated, SaleView.Of(stored));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(SaleView.Of(stored));
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public static async Task<IResult> DeleteAsync([FromRoute(Name = "sale_id")] int saleId, RetailDbContext db, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await db.Sales.FirstOrDefaultAsync(s => s.SaleId == saleId, cancellationToken);
            if (stored is null)
            {
                return NotFound();
            }
            var transaction = await db.Transactions.FirstAsync(t => t.TransactionId == stored.TransactionId, cancellationToken);
            transaction.LinesTotal -= stored.LineTotal;
            transaction.Version++;
            db.Sales.Remove(stored);
            RetailEvents.Row(db, Entity, RetailEvents.Deleted, SaleView.Of(stored));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(SaleView.Of(stored));
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Checks the line's product and transaction, and that the transaction's lines with this one still fit its amount; then
    /// counts the line in the (tracked) transaction's total. Null, with the problems in <paramref name="checks"/>, when not.
    /// </summary>
    private static async Task<RetailTransaction?> AddToTransactionAsync(RetailDbContext db, Checks checks, Sale sale, decimal maxDiscount, CancellationToken cancellationToken)
    {
        if (!await db.Products.AnyAsync(p => p.Sku == sale.ProductSku, cancellationToken))
        {
            checks.Add("product_sku", $"Product {sale.ProductSku} not found");
        }
        var transaction = await db.Transactions.FirstOrDefaultAsync(t => t.TransactionId == sale.TransactionId, cancellationToken);
        if (transaction is null)
        {
            checks.Add("transaction_id", $"Transaction {sale.TransactionId} not found");
            return null;
        }
        var linesTotal = transaction.LinesTotal + sale.LineTotal;
        if (!AmountRule.Holds(transaction.Amount, linesTotal, maxDiscount))
        {
            checks.Add("quantity", AmountRule.Explain(transaction.TransactionId, transaction.Amount, linesTotal, maxDiscount));
        }
        if (!checks.Ok)
        {
            return null;
        }
        transaction.LinesTotal = linesTotal;
        transaction.Version++;
        return transaction;
    }

    private static IResult NotFound() => TypedResults.NotFound(new Detail("Sale not found"));
}
