using Clientele.Platform.Modules;
using Clientele.Retail.Data;
using Clientele.Retail.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Customers;

/// <summary>Seed 001's customers (list, create) and what a FastAPI service adds: get, replace and delete by id, filters.</summary>
public static class CustomerEndpoints
{
    public const string Entity = "customer";

    public sealed record CustomerView(
        int CustomerId, string FirstName, string LastName, string Gender, int Age, DateOnly Dob, string Email, string Phone,
        string City, string IncomeLevel, string ShoppingPreference, string? CustomerSegment)
    {
        public static CustomerView Of(Customer c) => new(
            c.CustomerId, c.FirstName, c.LastName, c.Gender, c.Age, c.Dob, c.Email, c.Phone, c.City, c.IncomeLevel, c.ShoppingPreference, c.CustomerSegment);
    }

    public static void Map(RouteGroupBuilder retail)
    {
        var customers = retail.MapGroup("/api/customers").WithTags("Customers");
        customers.MapGet("/", ListAsync).WithName("ListCustomers")
            .WithSummary("The organization's customers by customer_id; filters city, segment, gender, income_level; skip and limit page.");
        customers.MapPost("/", CreateAsync).WithName("CreateCustomer").WithSummary("Adds a customer; the answer carries its new customer_id.")
            .RequireWriteAccess(RetailModule.Name);
        customers.MapGet("/{customer_id}", GetAsync).WithName("GetCustomer").WithSummary("One customer.");
        customers.MapPut("/{customer_id}", UpdateAsync).WithName("UpdateCustomer").WithSummary("Replaces a customer's fields.")
            .RequireWriteAccess(RetailModule.Name);
        customers.MapDelete("/{customer_id}", DeleteAsync).WithName("DeleteCustomer")
            .WithSummary("Deletes a customer without transactions (409 otherwise); answers with the deleted customer.")
            .RequireWriteAccess(RetailModule.Name);
    }

    public static async Task<IResult> ListAsync(RetailDbContext db, [FromQuery] int? skip, [FromQuery] int? limit, [FromQuery] string? city,
        [FromQuery] string? segment, [FromQuery] string? gender, [FromQuery(Name = "income_level")] string? incomeLevel, CancellationToken cancellationToken)
    {
        var query = new Checks("query");
        Paging.Check(query, skip, limit);
        query.Filter("city", city);
        query.Filter("segment", segment);
        query.Filter("gender", gender);
        query.Filter("income_level", incomeLevel);
        if (!query.Ok)
        {
            return Paging.Invalid(query.Problems);
        }
        var rows = db.Customers.AsNoTracking();
        rows = city is null ? rows : rows.Where(c => c.City == city);
        rows = segment is null ? rows : rows.Where(c => c.CustomerSegment == segment);
        rows = gender is null ? rows : rows.Where(c => c.Gender == gender);
        rows = incomeLevel is null ? rows : rows.Where(c => c.IncomeLevel == incomeLevel);
        var page = await rows.OrderBy(c => c.CustomerId).Page(skip, limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(CustomerView.Of).ToList());
    }

    public static async Task<IResult> CreateAsync(CustomerInput request, RetailDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var checks = new Checks();
        if (request.Check(checks, Today(time)) is not { } customer)
        {
            return Paging.Invalid(checks.Problems);
        }
        await Numbering.InsertAsync(db, customer, db.Customers.Select(c => c.CustomerId), 1, (c, id) => c.CustomerId = id,
            () => RetailEvents.Row(db, Entity, RetailEvents.Created, CustomerView.Of(customer)), cancellationToken);
        return TypedResults.Ok(CustomerView.Of(customer));
    }

    public static async Task<IResult> GetAsync([FromRoute(Name = "customer_id")] int customerId, RetailDbContext db, CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.CustomerId == customerId, cancellationToken) is { } customer
            ? TypedResults.Ok(CustomerView.Of(customer))
            : NotFound();

    public static async Task<IResult> UpdateAsync([FromRoute(Name = "customer_id")] int customerId, CustomerInput request, RetailDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var stored = await db.Customers.FirstOrDefaultAsync(c => c.CustomerId == customerId, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }
        var checks = new Checks();
        if (request.Check(checks, Today(time)) is not { } changed)
        {
            return Paging.Invalid(checks.Problems);
        }
        changed.Id = stored.Id;
        changed.OrganizationId = stored.OrganizationId;
        changed.CustomerId = stored.CustomerId;
        db.Entry(stored).CurrentValues.SetValues(changed);
        RetailEvents.Row(db, Entity, RetailEvents.Updated, CustomerView.Of(stored));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CustomerView.Of(stored));
    }

    public static async Task<IResult> DeleteAsync([FromRoute(Name = "customer_id")] int customerId, RetailDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.Customers.FirstOrDefaultAsync(c => c.CustomerId == customerId, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }
        var transactions = await db.Transactions.CountAsync(t => t.CustomerId == customerId, cancellationToken);
        if (transactions > 0)
        {
            return Conflict($"Customer {customerId} has {transactions} transaction(s); delete them first");
        }
        db.Customers.Remove(stored);
        RetailEvents.Row(db, Entity, RetailEvents.Deleted, CustomerView.Of(stored));
        return await Deletion.SaveAsync(db, CustomerView.Of(stored), $"Customer {customerId} gained transactions meanwhile; delete them first", cancellationToken);
    }

    internal static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static IResult NotFound() => TypedResults.NotFound(new Detail("Customer not found"));

    private static IResult Conflict(string message) => TypedResults.Conflict(new Detail(message));
}
