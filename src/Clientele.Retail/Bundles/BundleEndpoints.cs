using System.Text.Json.Serialization;
using Clientele.Platform.Json;
using Clientele.Retail.Bundling;
using Clientele.Retail.Data;
using Clientele.Retail.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Retail.Bundles;

/// <summary>Bundle recommendations, the seed's "ML-based bundle recommendations": a basket in, products to add out, with evidence and a bundle price.</summary>
public static class BundleEndpoints
{
    public sealed record BasketItem(int ProductSku, string ProductName, [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal Price);

    public sealed record RuleEvidence(IReadOnlyList<int> Antecedents, IReadOnlyList<int> Consequents, double Support, double Confidence, double Lift);

    public sealed record PairView(int WithProductSku, int Together, double Lift, double Confidence);

    public sealed record Evidence(IReadOnlyList<RuleEvidence> Rules, IReadOnlyList<PairView> CoOccurrence, double ModelSimilarity, double Popularity);

    public sealed record PriceView(
        IReadOnlyList<int> ProductSkus,
        [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal ListPrice,
        [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal DiscountPercent,
        [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal BundlePrice,
        [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal Saving);

    public sealed record Recommendation(
        int Rank, int ProductSku, string ProductName, string? Category, string? Brand,
        [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal Price, double Score, Evidence Evidence, PriceView Bundle);

    public sealed record BundleAnswer(int RunId, IReadOnlyList<BasketItem> Basket, IReadOnlyList<Recommendation> Recommendations);

    public static void Map(RouteGroupBuilder retail)
    {
        retail.MapPost("/api/bundles/recommend", RecommendAsync).WithName("RecommendBundles").WithTags("Bundles")
            .WithSummary("Products to add to a basket, ranked, each with its evidence (rules, co-occurrence, model) and the bundle's suggested price.");
    }

    public static async Task<IResult> RecommendAsync(BundleRequest request, RetailDbContext db, BundleModels models, IOptions<RetailOptions> options,
        CancellationToken cancellationToken)
    {
        var checks = new Checks();
        request.Check(checks);
        if (!checks.Ok)
        {
            return Paging.Invalid(checks.Problems);
        }
        var basket = request.Basket;
        var products = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Sku, cancellationToken);
        if (basket.FirstOrDefault(sku => !products.ContainsKey(sku)) is var unknown and not 0)
        {
            return TypedResults.NotFound(new Detail($"Product {unknown} not found"));
        }
        if (await models.GetAsync(db, request.RunId, cancellationToken) is not { } trained)
        {
            return TypedResults.NotFound(new Detail(request.RunId is { } runId
                ? $"Mining run {runId} not found or has no bundle model"
                : "No bundle model yet: start a mining run with POST /api/rules/runs"));
        }
        var discount = request.DiscountPercent ?? options.Value.BundleDiscountPercent;
        var items = basket.Select(trained.ItemOf).OfType<int>().ToList();
        var found = trained.Model.Recommend(items, request.Limit ?? BundleRequest.DefaultLimit)
            .Where(r => products.ContainsKey(trained.Skus[r.Item])).ToList();
        var basketPrices = basket.Select(sku => products[sku].Price).ToList();
        var recommendations = found.Select((r, index) =>
        {
            var product = products[trained.Skus[r.Item]];
            return new Recommendation(index + 1, product.Sku, product.Name, product.Category, product.Brand, product.Price, Math.Round(r.Score, 6),
                new Evidence(
                    [.. r.Rules.Select(rule => new RuleEvidence(Skus(rule.Antecedent, trained), Skus(rule.Consequent, trained), rule.Support, rule.Confidence, rule.Lift))],
                    [.. r.Pairs.Select(pair => new PairView(trained.Skus[pair.BasketItem], pair.Together, pair.Lift, pair.Confidence))],
                    Math.Round(r.Parts.Embedding, 6), Math.Round(r.Parts.Popularity, 6)),
                Price([.. basket, product.Sku], [.. basketPrices, product.Price], discount));
        }).ToList();
        return TypedResults.Ok(new BundleAnswer(trained.RunId,
            [.. basket.Select(sku => new BasketItem(sku, products[sku].Name, products[sku].Price))], recommendations));
    }

    private static int[] Skus(int[] items, TrainedBundles trained) => [.. items.Select(item => trained.Skus[item])];

    private static PriceView Price(int[] skus, decimal[] prices, decimal discount)
    {
        var price = BundlePricing.Suggest(prices, discount, prices.All(p => p == decimal.Truncate(p)) ? 0 : 2);
        return new PriceView(skus, price.ListTotal, price.DiscountPercent, price.Price, price.Saving);
    }
}
