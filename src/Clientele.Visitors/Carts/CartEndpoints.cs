using Clientele.Platform.Errors;
using Clientele.Platform.Modules;
using Clientele.Visitors.Data;
using Clientele.Visitors.Persons;
using Clientele.Visitors.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Visitors.Carts;

/// <summary>The seed's bulk cart products, and (extensions, which it needs to have ids to send) products and carts.</summary>
public static class CartEndpoints
{
    public const int MaxBulk = 500;

    public sealed record CartProductInput(string? Organization = null, string? Cart = null, string? Product = null);

    public sealed record BulkRequest(IReadOnlyList<CartProductInput>? CartProducts = null);

    public sealed record CartProductView(Guid Id, Guid Organization, Guid Cart, Guid Product, string? CreatedAt, string? UpdatedAt);

    public sealed record BulkView(string Message, int CreatedCount, IReadOnlyList<CartProductView> CartProducts);

    public sealed record ProductInput(string? Name = null);

    public sealed record ProductView(Guid Id, Guid Organization, string Name, string? CreatedAt, string? UpdatedAt);

    public sealed record CartInput(string? Person = null);

    public sealed record CartView(Guid Id, Guid Organization, Guid? Person, string? CreatedAt, string? UpdatedAt);

    public static void Map(RouteGroupBuilder visitors)
    {
        var client = visitors.MapGroup("/api/client").WithTags("Carts");
        client.MapPost("/cart-products/bulk/", BulkAsync).RequireWriteAccess(VisitorsModule.Name).WithName("VisitorsBulkCartProducts");
        client.MapGet("/products/", ProductsAsync).WithName("VisitorsListProducts");
        client.MapPost("/products/", CreateProductAsync).RequireWriteAccess(VisitorsModule.Name).WithName("VisitorsCreateProduct");
        client.MapPost("/carts/", CreateCartAsync).RequireWriteAccess(VisitorsModule.Name).WithName("VisitorsCreateCart");
    }

    public static async Task<IResult> BulkAsync(BulkRequest request, VisitorsDbContext db, CancellationToken cancellationToken)
    {
        if (request.CartProducts is not { Count: > 0 } items)
        {
            return VisitorsResults.Invalid("cart_products", "This list may not be empty.");
        }
        if (items.Count > MaxBulk)
        {
            return VisitorsResults.Invalid("cart_products", $"Ensure this field has no more than {MaxBulk} elements.");
        }
        var cartIds = items.Select(item => VisitorsResults.IdOf(item.Cart ?? "")).OfType<Guid>().Distinct().ToList();
        var productIds = items.Select(item => VisitorsResults.IdOf(item.Product ?? "")).OfType<Guid>().Distinct().ToList();
        var carts = await db.Carts.Where(c => cartIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var products = await db.Products.Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var errors = new List<FieldError>();
        for (var position = 0; position < items.Count; position++)
        {
            var item = items[position];
            void Check(string field, string? value, Func<Guid, bool> exists)
            {
                if (string.IsNullOrEmpty(value))
                {
                    errors.Add(new(["body", $"cart_products[{position}].{field}"], PersonUpload.Required));
                }
                else if (VisitorsResults.IdOf(value) is not { } id || !exists(id))
                {
                    errors.Add(new(["body", $"cart_products[{position}].{field}"], $"Invalid pk \"{(value.Length > 40 ? value[..40] : value)}\" - object does not exist."));
                }
            }
            Check("organization", item.Organization, id => id == db.CurrentOrganizationId);
            Check("cart", item.Cart, carts.ContainsKey);
            Check("product", item.Product, products.Contains);
        }
        if (errors.Count > 0)
        {
            return VisitorsResults.Invalid(errors);
        }
        var now = DateTimeOffset.UtcNow;
        var created = items.Select(item => new CartProduct
        {
            Id = Guid.CreateVersion7(now), CartId = Guid.Parse(item.Cart!), ProductId = Guid.Parse(item.Product!), CreatedAt = now, UpdatedAt = now,
        }).ToList();
        db.CartProducts.AddRange(created);
        foreach (var cart in created.Select(line => carts[line.CartId]).Distinct())
        {
            cart.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created((string?)null, new BulkView($"Успешно создано {created.Count} товаров в корзинах", created.Count,
            [.. created.Select(line => new CartProductView(line.Id, db.CurrentOrganizationId, line.CartId, line.ProductId, VisitorsResults.Iso(line.CreatedAt), VisitorsResults.Iso(line.UpdatedAt)))]));
    }

    public static async Task<IResult> ProductsAsync(VisitorsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.Products.AsNoTracking().OrderBy(p => p.Name).Take(1000).ToListAsync(cancellationToken))
            .Select(p => new ProductView(p.Id, p.OrganizationId, p.Name, VisitorsResults.Iso(p.CreatedAt), VisitorsResults.Iso(p.UpdatedAt))).ToList());

    public static async Task<IResult> CreateProductAsync(ProductInput input, VisitorsDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > PersonFields.MaxText)
        {
            return VisitorsResults.Invalid("name", string.IsNullOrWhiteSpace(input.Name) ? PersonUpload.Required : $"Ensure this field has no more than {PersonFields.MaxText} characters.");
        }
        var now = DateTimeOffset.UtcNow;
        var product = new Product { Id = Guid.CreateVersion7(now), Name = input.Name.Trim(), CreatedAt = now, UpdatedAt = now };
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created((string?)null, new ProductView(product.Id, product.OrganizationId, product.Name, VisitorsResults.Iso(now), VisitorsResults.Iso(now)));
    }

    /// <summary>A cart of a person, linked to the person's visit in progress (the latest one) for conversion figures.</summary>
    public static async Task<IResult> CreateCartAsync(CartInput input, VisitorsDbContext db, CancellationToken cancellationToken)
    {
        Guid? personId = null;
        if (!string.IsNullOrEmpty(input.Person))
        {
            if (VisitorsResults.IdOf(input.Person) is not { } id || !await db.Persons.AnyAsync(p => p.Id == id, cancellationToken))
            {
                return VisitorsResults.Invalid("person", $"Invalid pk \"{(input.Person.Length > 40 ? input.Person[..40] : input.Person)}\" - object does not exist.");
            }
            personId = id;
        }
        var now = DateTimeOffset.UtcNow;
        var visitId = personId is null ? null : await db.Visits.Where(v => v.PersonId == personId).OrderByDescending(v => v.EntryTime)
            .Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);
        var cart = new Cart { Id = Guid.CreateVersion7(now), PersonId = personId, VisitId = visitId, CreatedAt = now, UpdatedAt = now };
        db.Carts.Add(cart);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created((string?)null, new CartView(cart.Id, cart.OrganizationId, personId, VisitorsResults.Iso(now), VisitorsResults.Iso(now)));
    }
}
