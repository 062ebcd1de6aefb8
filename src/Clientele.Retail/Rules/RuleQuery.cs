using Clientele.Platform.Errors;
using Clientele.Retail.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Rules;

/// <summary>Filters and order of a rules listing; every minimum is inclusive.</summary>
public sealed record RuleQuery(
    [property: FromQuery(Name = "min_support")] double? MinSupport,
    [property: FromQuery(Name = "min_confidence")] double? MinConfidence,
    [property: FromQuery(Name = "min_lift")] double? MinLift,
    [property: FromQuery(Name = "min_leverage")] double? MinLeverage,
    [property: FromQuery(Name = "product_sku")] int? ProductSku,
    [property: FromQuery(Name = "side")] string? Side,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "order")] string? Order,
    [property: FromQuery(Name = "skip")] int? Skip,
    [property: FromQuery(Name = "limit")] int? Limit)
{
    public static readonly IReadOnlyList<string> Sorts = ["lift", "confidence", "support", "leverage"];
    public static readonly IReadOnlyList<string> Sides = ["any", "antecedent", "consequent"];
    public static readonly IReadOnlyList<string> Orders = ["desc", "asc"];

    public List<FieldError> Problems(bool paged)
    {
        var query = new Checks("query");
        if (paged)
        {
            Paging.Check(query, Skip, Limit);
        }
        foreach (var (field, value) in new[] { ("min_support", MinSupport), ("min_confidence", MinConfidence) })
        {
            if (value is < 0 or > 1 || value is { } number && !double.IsFinite(number))
            {
                query.Add(field, "Input should be between 0 and 1");
            }
        }
        if (MinLift is { } lift && (lift < 0 || !double.IsFinite(lift)))
        {
            query.Add("min_lift", "Input should be greater than or equal to 0", "greater_than_equal");
        }
        if (MinLeverage is { } leverage && (leverage is < -1 or > 1 || !double.IsFinite(leverage)))
        {
            query.Add("min_leverage", "Input should be between -1 and 1");
        }
        if (Side is not null)
        {
            query.OneOf("side", Side, Sides);
        }
        if (Sort is not null)
        {
            query.OneOf("sort", Sort, Sorts);
        }
        if (Order is not null)
        {
            query.OneOf("order", Order, Orders);
        }
        return query.Problems;
    }

    public IQueryable<MinedRule> Apply(IQueryable<MinedRule> rules)
    {
        rules = MinSupport is { } support ? rules.Where(r => r.Support >= support) : rules;
        rules = MinConfidence is { } confidence ? rules.Where(r => r.Confidence >= confidence) : rules;
        rules = MinLift is { } lift ? rules.Where(r => r.Lift >= lift) : rules;
        rules = MinLeverage is { } leverage ? rules.Where(r => r.Leverage >= leverage) : rules;
        if (ProductSku is { } sku)
        {
            var pattern = RuleRows.Containing(sku);
            rules = Side?.ToLowerInvariant() switch
            {
                "antecedent" => rules.Where(r => EF.Functions.Like(r.Antecedents, pattern)),
                "consequent" => rules.Where(r => EF.Functions.Like(r.Consequents, pattern)),
                _ => rules.Where(r => EF.Functions.Like(r.Antecedents, pattern)
                    || EF.Functions.Like(r.Consequents, pattern)),
            };
        }
        var ascending = string.Equals(Order, "asc", StringComparison.OrdinalIgnoreCase);
        return (Sort?.ToLowerInvariant(), ascending) switch
        {
            ("confidence", false) => rules.OrderByDescending(r => r.Confidence).ThenByDescending(r => r.Lift).ThenBy(r => r.Id),
            ("confidence", true) => rules.OrderBy(r => r.Confidence).ThenBy(r => r.Lift).ThenBy(r => r.Id),
            ("support", false) => rules.OrderByDescending(r => r.Support).ThenByDescending(r => r.Lift).ThenBy(r => r.Id),
            ("support", true) => rules.OrderBy(r => r.Support).ThenBy(r => r.Lift).ThenBy(r => r.Id),
            ("leverage", false) => rules.OrderByDescending(r => r.Leverage).ThenBy(r => r.Id),
            ("leverage", true) => rules.OrderBy(r => r.Leverage).ThenBy(r => r.Id),
            (_, true) => rules.OrderBy(r => r.Lift).ThenBy(r => r.Confidence).ThenBy(r => r.Id),
            _ => rules.OrderByDescending(r => r.Lift).ThenByDescending(r => r.Confidence).ThenBy(r => r.Id),
        };
    }
}
