using System.Text.Json.Serialization;
using Clientele.Platform.Errors;
using Clientele.Platform.Json;
using Clientele.Platform.Modules;
using Clientele.Retail.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Products;

/// <summary>Seed 001's products: <c>GET</c> and <c>POST /api/products/</c>, with FastAPI's <c>skip</c>/<c>limit</c> paging.</summary>
public static class ProductEndpoints
{
    public const int MaxNameLength = 200;
    public const int MaxLabelLength = 100;
    public const int MaxLimit = 1000;
    public const int FirstSku = 1001;

    public sealed record ProductView(
        int ProductSku, string ProductName, string? Category, string? Brand,
        [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal Price);

    /// <summary>All four fields are required, as the seed's Pydantic schema has them.</summary>
    public sealed record CreateProduct(string ProductName, string Category, string Brand, decimal Price);

    public static void Map(RouteGroupBuilder retail)
    {
        retail.MapGet("/api/products/", ListAsync).WithName("ListProducts").WithTags("Products")
            .WithSummary("The organization's products by SKU; skip and limit page through them.");
        retail.MapPost("/api/products/", CreateAsync).WithName("CreateProduct").WithTags("Products")
            .WithSummary("Adds a product; the answer carries its new product_sku.")
            .RequireWriteAccess(RetailModule.Name);
    }

    public static async Task<IResult> ListAsync(RetailDbContext db, [FromQuery] int? skip, [FromQuery] int? limit, CancellationToken cancellationToken)
    {
        var problems = new List<FieldError>();
        if (skip < 0)
        {
            problems.Add(new FieldError(["query", "skip"], "Input should be greater than or equal to 0", "greater_than_equal"));
        }
        if (limit is < 1 or > MaxLimit)
        {
            problems.Add(new FieldError(["query", "limit"], $"Input should be between 1 and {MaxLimit}", "value_error"));
        }
        if (problems.Count > 0)
        {
            return FastApiErrorShape.Instance.Result(ApiError.Invalid(problems));
        }
        var products = await db.Products.AsNoTracking().OrderBy(p => p.Sku).Skip(skip ?? 0).Take(limit ?? 100)
            .Select(p => new ProductView(p.Sku, p.Name, p.Category, p.Brand, p.Price)).ToListAsync(cancellationToken);
        return TypedResults.Ok(products);
    }

    public static async Task<IResult> CreateAsync(CreateProduct request, RetailDbContext db, CancellationToken cancellationToken)
    {
        if (Validate(request) is { Count: > 0 } problems)
        {
            return FastApiErrorShape.Instance.Result(ApiError.Invalid(problems));
        }
        for (var attempt = 1; ; attempt++)
        {
            var product = new Product
            {
                Sku = (await db.Products.MaxAsync(p => (int?)p.Sku, cancellationToken) ?? FirstSku - 1) + 1,
                Name = request.ProductName.Trim(),
                Category = request.Category.Trim(),
                Brand = request.Brand.Trim(),
                Price = request.Price,
            };
            db.Products.Add(product);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(new ProductView(product.Sku, product.Name, product.Category, product.Brand, product.Price));
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another request took the same SKU at the same moment; the unique index refused ours.
                db.Entry(product).State = EntityState.Detached;
            }
        }
    }

    private static List<FieldError> Validate(CreateProduct request)
    {
        var problems = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.ProductName) || request.ProductName.Trim().Length > MaxNameLength)
        {
            problems.Add(new FieldError(["body", "product_name"], $"String should have between 1 and {MaxNameLength} characters", "string_too_long"));
        }
        foreach (var (field, value) in new[] { ("category", request.Category), ("brand", request.Brand) })
        {
            if (value is { Length: > MaxLabelLength })
            {
                problems.Add(new FieldError(["body", field], $"String should have at most {MaxLabelLength} characters", "string_too_long"));
            }
        }
        if (request.Price is < 0 or > 1_000_000_000)
        {
            problems.Add(new FieldError(["body", "price"], "Input should be between 0 and 1000000000", "value_error"));
        }
        return problems;
    }
}
