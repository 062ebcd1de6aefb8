using System.Security.Claims;
using System.Text.RegularExpressions;
using Clientele.Platform.Modules;
using Clientele.Platform.Tenancy;
using Clientele.Visitors.Data;
using Clientele.Visitors.Gallery;
using Clientele.Visitors.Privacy;
using Clientele.Visitors.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Visitors.Persons;

/// <summary>The persons list, one person (view, update, erase) and a person's order history.</summary>
public static partial class PersonEndpoints
{
    public const string DeletedEvent = "person_deleted";
    public const int MaxPageSize = 100;

    public sealed record PersonPage(int Count, int TotalPages, int CurrentPage, int PageSize, bool HasNext, bool HasPrevious,
        int? NextPage, int? PreviousPage, IReadOnlyList<PersonView> Results);

    public sealed record PersonChange(string? FullName = null, string? PhoneNumber = null, int? Age = null, string? Gender = null, string? Emotion = null, string? BodyType = null, bool? Consent = null);

    public sealed record OrderProduct(Guid ProductId, string ProductName, string? AddedAt);

    public sealed record Order(Guid CartId, string? CartCreatedAt, string? CartUpdatedAt, IReadOnlyList<OrderProduct> Products, int TotalProducts);

    public sealed record OrderHistory(Guid PersonId, string? PersonName, int TotalOrders, IReadOnlyList<Order> Orders);

    public static void Map(RouteGroupBuilder visitors)
    {
        var client = visitors.MapGroup("/api/client").WithTags("Persons");
        client.MapGet("/persons/", ListAsync).WithName("VisitorsListPersons");
        client.MapGet("/person/{person_id}/", GetAsync).WithName("VisitorsGetPerson");
        client.MapPut("/person/{person_id}/", UpdateAsync).RequireWriteAccess(VisitorsModule.Name).WithName("VisitorsUpdatePerson");
        client.MapDelete("/person/{person_id}/", DeleteAsync).RequireWriteAccess(VisitorsModule.Name).WithName("VisitorsDeletePerson")
            .WithSummary("Erases the person: vectors, image and decisions; visits stay as anonymous counts.");
        client.MapGet("/person/{person_id}/orders/", OrdersAsync).WithName("VisitorsPersonOrders");
    }

    public static async Task<IResult> ListAsync(VisitorsDbContext db, string? page, string? page_size, CancellationToken cancellationToken)
    {
        var size = int.TryParse(page_size, out var askedSize) ? Math.Clamp(askedSize, 1, MaxPageSize) : 10;
        var count = await db.Persons.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (count + size - 1) / size);
        if (page is not null && (!int.TryParse(page, out var askedPage) || askedPage < 1 || askedPage > totalPages))
        {
            return VisitorsResults.NotFound("Invalid page.");
        }
        var current = page is null ? 1 : int.Parse(page, System.Globalization.CultureInfo.InvariantCulture);
        var persons = await db.Persons.AsNoTracking().OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .Skip((current - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PersonPage(count, totalPages, current, size, current < totalPages, current > 1,
            current < totalPages ? current + 1 : null, current > 1 ? current - 1 : null, [.. persons.Select(PersonView.Of)]));
    }

    public static async Task<IResult> GetAsync(string person_id, VisitorsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (VisitorsResults.IdOf(person_id) is not { } id || await db.Persons.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } person)
        {
            return VisitorsResults.NotFound();
        }
        Audit.Record(db, user, Audit.Viewed, id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PersonView.Of(person));
    }

    public static async Task<IResult> UpdateAsync(string person_id, PersonChange change, VisitorsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (VisitorsResults.IdOf(person_id) is not { } id || await db.Persons.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } person)
        {
            return VisitorsResults.NotFound();
        }
        var errors = new List<Clientele.Platform.Errors.FieldError>();
        void Check(string field, string? value, int max)
        {
            if (value?.Length > max)
            {
                errors.Add(new(["body", field], $"Ensure this field has no more than {max} characters."));
            }
        }
        Check("full_name", change.FullName, PersonFields.MaxText);
        Check("phone_number", change.PhoneNumber, 32);
        Check("emotion", change.Emotion, PersonFields.MaxText);
        Check("body_type", change.BodyType, PersonFields.MaxText);
        if (change.PhoneNumber is { Length: > 0 } phone && !Phone().IsMatch(phone))
        {
            errors.Add(new(["body", "phone_number"], "Enter a valid phone number."));
        }
        if (change.Age is < 0 or > PersonFields.MaxAge)
        {
            errors.Add(new(["body", "age"], PersonUpload.AgeRange));
        }
        if (change.Gender is { } gender && gender is not ("Male" or "Female" or "Other"))
        {
            errors.Add(new(["body", "gender"], $"\"{(gender.Length > 20 ? gender[..20] : gender)}\" is not a valid choice."));
        }
        if (errors.Count > 0)
        {
            return VisitorsResults.Invalid(errors);
        }
        person.FullName = change.FullName ?? person.FullName;
        person.PhoneNumber = change.PhoneNumber ?? person.PhoneNumber;
        person.Age = change.Age ?? person.Age;
        person.Gender = change.Gender ?? person.Gender;
        person.Emotion = change.Emotion ?? person.Emotion;
        person.BodyType = change.BodyType ?? person.BodyType;
        if (change.Consent is { } consent && consent != person.Consent)
        {
            (person.Consent, person.ConsentAt) = (consent, consent ? DateTimeOffset.UtcNow : null);
        }
        person.UpdatedAt = DateTimeOffset.UtcNow;
        Audit.Record(db, user, Audit.Changed, id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PersonView.Of(person));
    }

    public static async Task<IResult> DeleteAsync(string person_id, VisitorsDbContext db, Galleries galleries, Images images, TenantContext tenant,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (VisitorsResults.IdOf(person_id) is not { } id || !await db.Persons.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return VisitorsResults.NotFound();
        }
        await galleries.WriteAsync(db, async (engine, _) =>
        {
            await Erasure.EraseAsync(db, id, cancellationToken);
            engine.Forget(id);
            Audit.Record(db, user, Audit.Deleted, id);
            db.Publish(DeletedEvent, new { person = new { id } });
            return true;
        }, cancellationToken);
        images.Delete(tenant.OrganizationId, id);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> OrdersAsync(string person_id, VisitorsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (VisitorsResults.IdOf(person_id) is not { } id || await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } person)
        {
            return VisitorsResults.NotFound();
        }
        var carts = await db.Carts.AsNoTracking().Where(c => c.PersonId == id).OrderByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
        var cartIds = carts.Select(c => c.Id).ToList();
        var lines = (await (from line in db.CartProducts.AsNoTracking()
                            join product in db.Products.AsNoTracking() on line.ProductId equals product.Id
                            where cartIds.Contains(line.CartId)
                            select new { line.CartId, line.ProductId, product.Name, line.CreatedAt }).ToListAsync(cancellationToken))
            .OrderBy(l => l.CreatedAt).ToLookup(l => l.CartId);
        var orders = carts.Select(c =>
        {
            var products = lines[c.Id].Select(l => new OrderProduct(l.ProductId, l.Name, VisitorsResults.Iso(l.CreatedAt))).ToList();
            return new Order(c.Id, VisitorsResults.Iso(c.CreatedAt), VisitorsResults.Iso(c.UpdatedAt), products, products.Count);
        }).ToList();
        Audit.Record(db, user, Audit.Viewed, id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new OrderHistory(id, person.FullName, orders.Count, orders));
    }

    [GeneratedRegex(@"^\+?[0-9 ()-]{5,20}$")]
    private static partial Regex Phone();
}
