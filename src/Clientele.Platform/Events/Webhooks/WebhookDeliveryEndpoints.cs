using Clientele.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Platform.Events.Webhooks;

/// <summary>The delivery log of a subscription, and manual re-delivery.</summary>
public static class WebhookDeliveryEndpoints
{
    public const int MaxPageSize = 200;

    public static void Map(RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/{id:guid}/deliveries", ListAsync).WithName("ListWebhookDeliveries");
        webhooks.MapPost("/deliveries/{id:guid}/redeliver", RedeliverAsync).WithName("RedeliverWebhook").RequireAuthorization(WebhookEndpoints.ManagePolicy);
    }

    /// <summary>Newest first; <c>status</c> is pending, succeeded, failed or dead.</summary>
    public static async Task<Results<Ok<DeliveryPage>, JsonHttpResult<object>>> ListAsync(
        Guid id, EventsDbContext db, CancellationToken cancellationToken, string? status = null, int page = 1, [FromQuery(Name = "page_size")] int pageSize = 50)
    {
        var problems = new List<FieldError>();
        DeliveryStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _))
            {
                wanted = parsed;
            }
            else
            {
                problems.Add(new FieldError(["query", "status"], "Input should be 'pending', 'succeeded', 'failed' or 'dead'", "enum"));
            }
        }
        if (page < 1)
        {
            problems.Add(new FieldError(["query", "page"], "Input should be greater than or equal to 1", "greater_than_equal"));
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            problems.Add(new FieldError(["query", "page_size"], $"Input should be between 1 and {MaxPageSize}", "value_error"));
        }
        if (problems.Count > 0)
        {
            return WebhookEndpoints.Invalid(problems);
        }
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return WebhookEndpoints.NotFound();
        }
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        if (wanted is { } s)
        {
            query = query.Where(d => d.Status == s);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new DeliveryPage(rows.Select(DeliveryView.Of).ToList(), total, page, pageSize));
    }

    /// <summary>Puts the delivery (whatever its status) back in the queue, due now, with a fresh set of attempts.</summary>
    public static async Task<Results<Accepted<DeliveryView>, JsonHttpResult<object>>> RedeliverAsync(Guid id, EventsDbContext db, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (delivery is null)
        {
            return FastApiErrorShape.Instance.Result(ApiError.NotFound("Delivery not found"));
        }
        delivery.Status = DeliveryStatus.Pending;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = LeaseTime.Now();
        delivery.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/platform/api/webhooks/{delivery.SubscriptionId}/deliveries", DeliveryView.Of(delivery));
    }
}
