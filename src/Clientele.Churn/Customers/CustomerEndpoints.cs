using Clientele.Churn.Auth;
using Clientele.Churn.Data;
using Clientele.Churn.Predictions;
using Clientele.Churn.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Churn.Customers;

/// <summary>Seed 002's customers: a paged list with search and sort, get with the risk history, create, update, delete.</summary>
public static class CustomerEndpoints
{
    public const int HistoryLength = 100;
    private static readonly string[] SortFields = ["id", "name", "risk_score"];

    public static void Map(RouteGroupBuilder churn)
    {
        var customers = churn.MapGroup("/api/customers").WithTags("Customers");
        customers.MapGet("/", ListAsync).WithName("ListChurnCustomers")
            .WithSummary("Customers, paged (page, page_size ≤ 100), searched by name, e-mail or phone, sorted by id, name or risk_score.");
        customers.MapPost("/", CreateAsync).WithName("CreateChurnCustomer").WithSummary("Adds a customer and scores it with the active model.")
            .Accepts<CustomerInput>("application/json", "application/x-www-form-urlencoded").RequireAuthorization(ChurnPolicies.RiskAnalyst);
        customers.MapGet("/{id}/", GetAsync).WithName("GetChurnCustomer").WithSummary($"One customer with its last {HistoryLength} scores, newest first.");
        customers.MapPut("/{id}/", UpdateAsync).WithName("UpdateChurnCustomer").WithSummary("Replaces a customer's fields and scores it again.")
            .Accepts<CustomerInput>("application/json", "application/x-www-form-urlencoded").RequireAuthorization(ChurnPolicies.RiskAnalyst);
        customers.MapDelete("/{id}/", DeleteAsync).WithName("DeleteChurnCustomer").WithSummary("Deletes a customer and its score history.")
            .RequireAuthorization(ChurnPolicies.RiskAnalyst);
    }

    public static async Task<IResult> ListAsync(ChurnDbContext db, HttpContext context, IOptions<ChurnOptions> options,
        [FromQuery] string? page, [FromQuery(Name = "page_size")] string? pageSize, [FromQuery] string? search,
        [FromQuery(Name = "sort_by")] string? sortBy, [FromQuery] string? order)
    {
        if (sortBy is not null && !SortFields.Contains(sortBy))
        {
            return ChurnResults.Invalid([new(["query", "sort_by"], $"\"{sortBy}\" is not a valid choice: id, name or risk_score.")]);
        }
        if (order is not null and not ("asc" or "desc"))
        {
            return ChurnResults.Invalid([new(["query", "order"], $"\"{order}\" is not a valid choice: asc or desc.")]);
        }
        if (search is { Length: > CustomerInput.MaxEmailLength })
        {
            return ChurnResults.Invalid([new(["query", "search"], $"Ensure this field has no more than {CustomerInput.MaxEmailLength} characters.")]);
        }
        if (search?.Contains('\0') == true)
        {
            return ChurnResults.Invalid([new(["query", "search"], "Null characters are not allowed.")]);
        }
        var rows = db.Customers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            rows = rows.Where(c => c.SearchText.Contains(term));
        }
        var descending = order == "desc";
        rows = (sortBy ?? "id") switch
        {
            "name" => descending ? rows.OrderByDescending(c => c.Name).ThenByDescending(c => c.Id) : rows.OrderBy(c => c.Name).ThenBy(c => c.Id),
            "risk_score" => descending
                ? rows.OrderBy(c => c.RiskScore == null).ThenByDescending(c => c.RiskScore).ThenByDescending(c => c.Id)
                : rows.OrderBy(c => c.RiskScore == null).ThenBy(c => c.RiskScore).ThenBy(c => c.Id),
            _ => descending ? rows.OrderByDescending(c => c.Id) : rows.OrderBy(c => c.Id),
        };
        var permissions = ChurnPermissions.Of(context.User);
        var (result, error) = await Pagination.ReadAsync(rows, context, page, pageSize, c => CustomerView.Of(c, permissions, options.Value.Bands));
        return error ?? TypedResults.Ok(result);
    }

    public static async Task<IResult> GetAsync(string id, ChurnDbContext db, HttpContext context, Explanations explanations, IOptions<ChurnOptions> options)
    {
        if (await FindAsync(db, id, tracked: false, context.RequestAborted) is not { } customer)
        {
            return ChurnResults.NotFound();
        }
        var history = await db.RiskHistory.AsNoTracking().Where(r => r.CustomerId == customer.Id)
            .OrderByDescending(r => r.Timestamp).ThenByDescending(r => r.Id).Take(HistoryLength).ToListAsync(context.RequestAborted);
        var view = CustomerView.Of(customer, ChurnPermissions.Of(context.User), options.Value.Bands);
        return TypedResults.Ok(CustomerDetailView.Of(view, await explanations.PointsAsync(db, history, context.RequestAborted)));
    }

    public static async Task<IResult> CreateAsync(HttpContext context, ChurnDbContext db, CustomerScoring scoring, TimeProvider time, IOptions<ChurnOptions> options)
    {
        var input = await RequestBody.ReadAsync<CustomerInput>(context);
        var now = time.GetUtcNow();
        var customer = new ChurnCustomer { Name = "", Email = "", CreatedAt = now, LastUpdated = now };
        var problems = input.ApplyTo(customer);
        if (problems.Count > 0)
        {
            return ChurnResults.Invalid(problems);
        }
        if (await db.Customers.AnyAsync(c => c.Email == customer.Email, context.RequestAborted))
        {
            return ChurnResults.Invalid("email", "customer with this email already exists.");
        }
        db.Customers.Add(customer);
        await db.SaveChangesAsync(context.RequestAborted);
        await scoring.ScoreAsync(db, [customer], RiskSources.Customer, context.RequestAborted);
        return TypedResults.Created($"{context.Request.PathBase}{context.Request.Path.Value?.TrimEnd('/')}/{customer.Id}/",
            CustomerView.Of(customer, ChurnPermissions.Of(context.User), options.Value.Bands));
    }

    public static async Task<IResult> UpdateAsync(string id, HttpContext context, ChurnDbContext db, CustomerScoring scoring, TimeProvider time,
        IOptions<ChurnOptions> options)
    {
        var input = await RequestBody.ReadAsync<CustomerInput>(context);
        if (await FindAsync(db, id, tracked: true, context.RequestAborted) is not { } customer)
        {
            return ChurnResults.NotFound();
        }
        var problems = input.ApplyTo(customer);
        if (problems.Count > 0)
        {
            return ChurnResults.Invalid(problems);
        }
        if (await db.Customers.AnyAsync(c => c.Email == customer.Email && c.Id != customer.Id, context.RequestAborted))
        {
            return ChurnResults.Invalid("email", "customer with this email already exists.");
        }
        customer.LastUpdated = time.GetUtcNow();
        await db.SaveChangesAsync(context.RequestAborted);
        await scoring.ScoreAsync(db, [customer], RiskSources.Customer, context.RequestAborted);
        return TypedResults.Ok(CustomerView.Of(customer, ChurnPermissions.Of(context.User), options.Value.Bands));
    }

    public static async Task<IResult> DeleteAsync(string id, ChurnDbContext db, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, tracked: true, cancellationToken) is not { } customer)
        {
            return ChurnResults.NotFound();
        }
        db.Customers.Remove(customer);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The customer of this organization with that id; an id that is not a number is as absent as another organization's.</summary>
    internal static async Task<ChurnCustomer?> FindAsync(ChurnDbContext db, string id, bool tracked, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        var customers = tracked ? db.Customers : db.Customers.AsNoTracking();
        return await customers.FirstOrDefaultAsync(c => c.Id == number, cancellationToken);
    }
}
