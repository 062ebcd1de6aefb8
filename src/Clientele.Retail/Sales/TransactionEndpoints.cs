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

/// <summary>Seed 001's transactions, with get, replace, delete (its lines go with it), filters, and the references checked.</summary>
public static class TransactionEndpoints
{
    public const string Entity = "transaction";

    public sealed record TransactionView(
        int TransactionId, int CustomerId, int TimeId,
        [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal TransactionAmount, string Channel, string PaymentType)
    {
        public static TransactionView Of(RetailTransaction t) => new(t.TransactionId, t.CustomerId, t.TimeId, t.Amount, t.Channel, t.PaymentType);
    }

    public static void Map(RouteGroupBuilder retail)
    {
        var transactions = retail.MapGroup("/api/transactions").WithTags("Transactions");
        transactions.MapGet("/", ListAsync).WithName("ListTransactions")
            .WithSummary("Transactions by transaction_id; filters customer_id, time_id, channel, payment_type, date_from, date_to; skip and limit page.");
        transactions.MapPost("/", CreateAsync).WithName("CreateTransaction")
            .WithSummary("Adds a transaction of a known customer and time_id; its lines follow through POST /api/sales/.")
            .RequireWriteAccess(RetailModule.Name);
        transactions.MapGet("/{transaction_id}", GetAsync).WithName("GetTransaction").WithSummary("One transaction.");
        transactions.MapPut("/{transaction_id}", UpdateAsync).WithName("UpdateTransaction")
            .WithSummary("Replaces a transaction's fields; its amount must still cover its lines.").RequireWriteAccess(RetailModule.Name);
        transactions.MapDelete("/{transaction_id}", DeleteAsync).WithName("DeleteTransaction")
            .WithSummary("Deletes a transaction and its sales lines; answers with the deleted transaction.").RequireWriteAccess(RetailModule.Name);
    }

    public static async Task<IResult> ListAsync(RetailDbContext db, [FromQuery] int? skip, [FromQuery] int? limit,
        [FromQuery(Name = "customer_id")] int? customerId, [FromQuery(Name = "time_id")] int? timeId, [FromQuery] string? channel,
        [FromQuery(Name = "payment_type")] string? paymentType, [FromQuery(Name = "date_from")] DateOnly? dateFrom,
        [FromQuery(Name = "date_to")] DateOnly? dateTo, CancellationToken cancellationToken)
    {
        var query = new Checks("query");
        Paging.Check(query, skip, limit);
        query.Filter("channel", channel);
        query.Filter("payment_type", paymentType);
        if (!query.Ok)
        {
            return Paging.Invalid(query.Problems);
        }
        var rows = db.Transactions.AsNoTracking();
        rows = customerId is null ? rows : rows.Where(t => t.CustomerId == customerId);
        rows = timeId is null ? rows : rows.Where(t => t.TimeId == timeId);
        rows = channel is null ? rows : rows.Where(t => t.Channel == channel);
        rows = paymentType is null ? rows : rows.Where(t => t.PaymentType == paymentType);
        if (dateFrom is not null || dateTo is not null)
        {
            var days = db.Timeframe.Where(d => (dateFrom == null || d.Date >= dateFrom) && (dateTo == null || d.Date <= dateTo)).Select(d => d.TimeId);
            rows = rows.Where(t => days.Contains(t.TimeId));
        }
        var page = await rows.OrderBy(t => t.TransactionId).Page(skip, limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(TransactionView.Of).ToList());
    }

    public static async Task<IResult> CreateAsync(TransactionInput request, RetailDbContext db, CancellationToken cancellationToken)
    {
        var checks = new Checks();
        if (request.Check(checks) is not { } transaction || !await ReferencesHoldAsync(db, checks, request, cancellationToken))
        {
            return Paging.Invalid(checks.Problems);
        }
        await Numbering.InsertAsync(db, transaction, db.Transactions.Select(t => t.TransactionId), 1, (t, id) => t.TransactionId = id,
            () => RetailEvents.Row(db, Entity, RetailEvents.Created, TransactionView.Of(transaction)), cancellationToken);
        return TypedResults.Ok(TransactionView.Of(transaction));
    }

    public static async Task<IResult> GetAsync([FromRoute(Name = "transaction_id")] int transactionId, RetailDbContext db, CancellationToken cancellationToken) =>
        await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.TransactionId == transactionId, cancellationToken) is { } transaction
            ? TypedResults.Ok(TransactionView.Of(transaction))
            : NotFound();

    public static async Task<IResult> UpdateAsync([FromRoute(Name = "transaction_id")] int transactionId, TransactionInput request, RetailDbContext db,
        IOptions<RetailOptions> options, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await db.Transactions.FirstOrDefaultAsync(t => t.TransactionId == transactionId, cancellationToken);
            if (stored is null)
            {
                return NotFound();
            }
            var checks = new Checks();
            if (request.Check(checks) is not { } changed || !await ReferencesHoldAsync(db, checks, request, cancellationToken))
            {
                return Paging.Invalid(checks.Problems);
            }
            if (!AmountRule.Holds(changed.Amount, stored.LinesTotal, options.Value.MaxDiscount))
            {
                checks.Add("transaction_amount", AmountRule.Explain(transactionId, changed.Amount, stored.LinesTotal, options.Value.MaxDiscount));
                return Paging.Invalid(checks.Problems);
            }
            (stored.CustomerId, stored.TimeId, stored.Amount, stored.Channel, stored.PaymentType) =
                (changed.CustomerId, changed.TimeId, changed.Amount, changed.Channel, changed.PaymentType);
            stored.Version++;
            RetailEvents.Row(db, Entity, RetailEvents.Updated, TransactionView.Of(stored));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(TransactionView.Of(stored));
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // A line was added or the customer deleted meanwhile: decide again on what is stored now.
                db.ChangeTracker.Clear();
            }
        }
    }

    public static async Task<IResult> DeleteAsync([FromRoute(Name = "transaction_id")] int transactionId, RetailDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Transactions.FirstOrDefaultAsync(t => t.TransactionId == transactionId, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }
        var lines = await db.Sales.Where(s => s.TransactionId == transactionId).ExecuteDeleteAsync(cancellationToken);
        db.Transactions.Remove(stored);
        db.Publish($"{RetailModule.Name}.{Entity}.{RetailEvents.Deleted}", new { transaction = TransactionView.Of(stored), sales_deleted = lines });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(TransactionView.Of(stored));
    }

    /// <summary>The customer and the calendar day must be the organization's: 422 on the field otherwise, as a body that names nothing.</summary>
    private static async Task<bool> ReferencesHoldAsync(RetailDbContext db, Checks checks, TransactionInput request, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.CustomerId == request.CustomerId, cancellationToken))
        {
            checks.Add("customer_id", $"Customer {request.CustomerId} not found");
        }
        if (!await db.Timeframe.AnyAsync(t => t.TimeId == request.TimeId, cancellationToken))
        {
            checks.Add("time_id", $"Timeframe {request.TimeId} not found");
        }
        return checks.Ok;
    }

    private static IResult NotFound() => TypedResults.NotFound(new Detail("Transaction not found"));
}
