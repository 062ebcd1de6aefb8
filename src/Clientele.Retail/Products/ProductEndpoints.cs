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

namespace Clientele.Retail.Products;

/// <summary>Seed 001's products (list, create) with FastAPI's <c>skip</c>/<c>limit</c>, and get, replace, delete by SKU, filters.</summary>
public static class ProductEndpoints
{
    public const string Entity = "product";
    public const int MaxNameLength = 200;
    public const int MaxLabelLength = 100;
    public const int MaxLimit = Paging.MaxLimit;
    public const int FirstSku = 1001;
    public const decimal MaxPrice = 1_000_000_000m;

    public sealed record ProductView(
        int ProductSku, string ProductName, string? Category, string? Brand,
        [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal Price)
    {
        public static ProductView Of(Product p) => new(p.Sku, p.Name, p.Category, p.Brand, p.Price);
    }

    /// <summary>All four fields are required, as the seed's Pydantic schema has them; also one row of an imported products.csv.</summary>
    public sealed record CreateProduct(string ProductName, string Category, string Brand, decimal Price)
    {
        public Product? Check(Checks checks)
        {
            var before = checks.Problems.Count;
            var product = new Product
            {
                Name = checks.Text("product_name", ProductName, MaxNameLength),
                Category = checks.Text("category", Category, MaxLabelLength),
                Brand = checks.Text("brand", Brand, MaxLabelLength),
                Price = Price,
            };
            checks.Money("price", Price, MaxPrice);
            return checks.Problems.Count == before ? product : null;
        }
    }

    public static void Map(RouteGroupBuilder retail)
    {
        var products = retail.MapGroup("/api/products").WithTags("Products");
        products.MapGet("/", ListAsync).WithName("ListProducts")
            .WithSummary("The organization's products by SKU; filters category, brand and q (in the name); skip and limit page.");
        products.MapPost("/", CreateAsync).WithName("CreateProduct").WithSummary("Adds a product; the answer carries its new product_sku.")
            .RequireWriteAccess(RetailModule.Name);
        products.MapGet("/{product_sku}", GetAsync).WithName("GetProduct").WithSummary("One product.");
        products.MapPut("/{product_sku}", UpdateAsync).WithName("UpdateProduct")
            .WithSummary("Replaces a product's fields; lines already sold keep their unit_price.").RequireWriteAccess(RetailModule.Name);
        products.MapDelete("/{product_sku}", DeleteAsync).WithName("DeleteProduct")
            .WithSummary("Deletes a product no sales line names (409 otherwise); answers with the deleted product.").RequireWriteAccess(RetailModule.Name);
    }

    public static async Task<IResult> ListAsync(RetailDbContext db, [FromQuery] int? skip, [FromQuery] int? limit, [FromQuery] string? category,
        [FromQuery] string? brand, [FromQuery] string? q, CancellationToken cancellationToken)
    {
        var query = new Checks("query");
        Paging.Check(query, skip, limit);
        query.Filter("category", category);
        query.Filter("brand", brand);
        query.Filter("q", q, MaxNameLength);
        if (!query.Ok)
        {
            return Paging.Invalid(query.Problems);
        }
        var rows = db.Products.AsNoTracking();
        rows = category is null ? rows : rows.Where(p => p.Category == category);
        rows = brand is null ? rows : rows.Where(p => p.Brand == brand);
        rows = string.IsNullOrWhiteSpace(q) ? rows : rows.Where(p => p.Name.ToLower().Contains(q.Trim().ToLower()));
        var products = await rows.OrderBy(p => p.Sku).Page(skip, limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(products.Select(ProductView.Of).ToList());
    }

    public static async Task<IResult> CreateAsync(CreateProduct request, RetailDbContext db, CancellationToken cancellationToken)
    {
        var checks = new Checks();
        if (request.Check(checks) is not { } product)
        {
            return Paging.Invalid(checks.Problems);
        }
        await Numbering.InsertAsync(db, product, db.Products.Select(p => p.Sku), FirstSku, (p, sku) => p.Sku = sku,
            () => RetailEvents.Row(db, Entity, RetailEvents.Created, ProductView.Of(product)), cancellationToken);
        return TypedResults.Ok(ProductView.Of(product));
    }

    public static async Task<IResult> GetAsync([FromRoute(Name = "product_sku")] int productSku, RetailDbContext db, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Sku == productSku, cancellationToken) is { } product
            ? TypedResults.Ok(ProductView.Of(product))
            : NotFound();

    public static async Task<IResult> UpdateAsync([FromRoute(Name = "product_sku")] int productSku, CreateProduct request, RetailDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.Products.FirstOrDefaultAsync(p => p.Sku == productSku, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }
        var checks = new Checks();
        if (request.Check(checks) is not { } changed)
        {
            return Paging.Invalid(checks.Problems);
        }
        (stored.Name, stored.Category, stored.Brand, stored.Price) = (changed.Name, changed.Category, changed.Brand, changed.Price);
        RetailEvents.Row(db, Entity, RetailEvents.Updated, ProductView.Of(stored));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ProductView.Of(stored));
    }

    public static async Task<IResult> DeleteAsync([FromRoute(Name = "product_sku")] int productSku, RetailDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.Products.FirstOrDefaultAsync(p => p.Sku == productSku, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }
        var lines = await db.Sales.CountAsync(s => s.ProductSku == productSku, cancellationToken);
        if (lines > 0)
        {
            return TypedResults.Conflict(new Detail($"Product {productSku} is in {lines} sales line(s); it cannot be deleted"));
        }
        db.Products.Remove(stored);
        RetailEvents.Row(db, Entity, RetailEvents.Deleted, ProductView.Of(stored));
        return await Deletion.SaveAsync(db, ProductView.Of(stored), $"Product {productSku} was sold meanwhile; it cannot be deleted", cancellationToken);
    }

    private static IResult NotFound() => TypedResults.NotFound(new Detail("Product not found"));
}
