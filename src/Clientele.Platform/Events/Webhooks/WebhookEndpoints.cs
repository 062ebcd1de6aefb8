using System.Security.Claims;
using System.Text.RegularExpressions;
using Clientele.Platform.Errors;
using Clientele.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Events.Webhooks;

/// <summary>The organization's webhook subscriptions: everyone of the organization reads; admins and <c>*:write</c> keys manage.</summary>
public static partial class WebhookEndpoints
{
    public const string ManagePolicy = "events:webhooks:manage";

    /// <summary>Admins (users) and API keys with <c>*:write</c> or <c>platform:write</c>.</summary>
    public static bool CanManage(ClaimsPrincipal user) =>
        user.FindFirst(ModuleAccess.OrganizationClaim) is not null
        && (user.FindFirst(ClaimTypes.Role)?.Value is { } role
            ? role == Role.Admin
            : user.FindAll(ModuleAccess.ScopeClaim).Any(c => c.Value is "*:write" or "platform:write"));

    public static void Map(RouteGroupBuilder platform)
    {
        var webhooks = platform.MapGroup("/api/webhooks").WithTags("Webhooks");
        webhooks.MapGet("/", ListAsync).WithName("ListWebhooks");
        webhooks.MapPost("/", CreateAsync).WithName("CreateWebhook").RequireAuthorization(ManagePolicy);
        webhooks.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook");
        webhooks.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateWebhook").RequireAuthorization(ManagePolicy);
        webhooks.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook").RequireAuthorization(ManagePolicy);
        WebhookDeliveryEndpoints.Map(webhooks);
    }

    public static async Task<Ok<List<WebhookView>>> ListAsync(EventsDbContext db, CancellationToken cancellationToken)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(subscriptions.OrderBy(s => s.CreatedAt).Select(WebhookView.Of).ToList());
    }

    public static async Task<Results<Ok<WebhookView>, JsonHttpResult<object>>> GetAsync(Guid id, EventsDbContext db, CancellationToken cancellationToken) =>
        await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } subscription
            ? TypedResults.Ok(WebhookView.Of(subscription))
            : NotFound();

    /// <summary>Checks the URL, verifies it with a challenge (signed with the new secret), then stores it; the secret is in this answer only.</summary>
    public static async Task<Results<Created<CreatedWebhook>, JsonHttpResult<object>>> CreateAsync(
        CreateWebhookRequest request, EventsDbContext db, WebhookVerifier verifier, WebhookSecrets secrets, IOptions<EventsOptions> options, CancellationToken cancellationToken)
    {
        var types = request.EventTypes is null || request.EventTypes.Count == 0 ? ["*"] : request.EventTypes;
        var problems = ValidateEventTypes(types).Concat(ValidateDescription(request.Description)).ToList();
        var secret = WebhookSignature.NewSecret();
        var urlProblem = await CheckUrlAsync(request.Url, secret, problems.Count == 0 ? verifier : null, options.Value.Webhooks, cancellationToken);
        if (urlProblem is not null)
        {
            problems.Insert(0, urlProblem);
        }
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }
        var subscription = new WebhookSubscription
        {
            Url = request.Url.Trim(),
            EventTypes = string.Join(' ', types.Distinct(StringComparer.Ordinal)),
            Description = request.Description?.Trim(),
            Secret = secrets.Protect(secret),
            Active = request.Active,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        var view = WebhookView.Of(subscription);
        return TypedResults.Created($"/platform/api/webhooks/{subscription.Id}",
            new CreatedWebhook(view.Id, view.Url, view.EventTypes, view.Description, view.Active, view.CreatedAt, view.UpdatedAt, secret));
    }

    public static async Task<Results<Ok<WebhookView>, JsonHttpResult<object>>> UpdateAsync(
        Guid id, UpdateWebhookRequest request, EventsDbContext db, WebhookVerifier verifier, WebhookSecrets secrets, IOptions<EventsOptions> options, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return NotFound();
        }
        var problems = new List<FieldError>();
        if (request.EventTypes is not null)
        {
            problems.AddRange(request.EventTypes.Count == 0
                ? [new FieldError(["body", "event_types"], "At least one event type is required; \"*\" means all")]
                : ValidateEventTypes(request.EventTypes));
        }
        problems.AddRange(ValidateDescription(request.Description));
        if (request.Url is not null && request.Url.Trim() != subscription.Url
            && await CheckUrlAsync(request.Url, secrets.Reveal(subscription.Secret), problems.Count == 0 ? verifier : null, options.Value.Webhooks, cancellationToken) is { } urlProblem)
        {
            problems.Insert(0, urlProblem);
        }
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }
        subscription.Url = request.Url?.Trim() ?? subscription.Url;
        subscription.EventTypes = request.EventTypes is { } types ? string.Join(' ', types.Distinct(StringComparer.Ordinal)) : subscription.EventTypes;
        subscription.Description = request.Description is { } description ? (description.Trim() is { Length: > 0 } d ? d : null) : subscription.Description;
        subscription.Active = request.Active ?? subscription.Active;
        subscription.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(WebhookView.Of(subscription));
    }

    /// <summary>Removes the subscription and its delivery log.</summary>
    public static async Task<Results<NoContent, JsonHttpResult<object>>> DeleteAsync(Guid id, EventsDbContext db, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return NotFound();
        }
        await db.WebhookDeliveries.Where(d => d.SubscriptionId == id).ExecuteDeleteAsync(cancellationToken);
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Form, scheme and addresses first (cheap, clear), then the verification round trip (skipped while other fields are wrong).</summary>
    private static async Task<FieldError?> CheckUrlAsync(string? url, string secret, WebhookVerifier? verifier, WebhookOptions options, CancellationToken cancellationToken)
    {
        FieldError Problem(string message, string type) => new(["body", "url"], message, type);
        if (WebhookUrlPolicy.FormProblem(url, out var uri) is { } form)
        {
            return Problem(form, form.Contains("scheme", StringComparison.Ordinal) ? "url_scheme" : "url_parsing");
        }
        var (_, refused) = await WebhookUrlPolicy.From(options).ResolveAsync(uri!.IdnHost, cancellationToken);
        if (refused is not null)
        {
            return Problem($"URL is not allowed: {refused}", "url_forbidden");
        }
        return verifier is not null && await verifier.VerifyAsync(uri, secret, cancellationToken) is { } failed ? Problem(failed, "url_verification_failed") : null;
    }

    private static IEnumerable<FieldError> ValidateEventTypes(IReadOnlyList<string> types)
    {
        if (types.Count > 50)
        {
            yield return new FieldError(["body", "event_types"], "At most 50 event types");
        }
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] is null || !EventTypePattern().IsMatch(types[i]))
            {
                yield return new FieldError(["body", "event_types", i], "An event type is 1 to 100 letters, digits and . _ - : (such as job.failed), or \"*\" for all");
            }
        }
    }

    private static IEnumerable<FieldError> ValidateDescription(string? description)
    {
        if (description is { Length: > 500 })
        {
            yield return new FieldError(["body", "description"], "Description must be at most 500 characters");
        }
    }

    internal static JsonHttpResult<object> NotFound() => FastApiErrorShape.Instance.Result(ApiError.NotFound("Webhook not found"));

    internal static JsonHttpResult<object> Invalid(IReadOnlyList<FieldError> problems) => FastApiErrorShape.Instance.Result(ApiError.Invalid(problems));

    [GeneratedRegex(@"^(\*|[A-Za-z0-9_.:\-]{1,100})$")]
    private static partial Regex EventTypePattern();
}
