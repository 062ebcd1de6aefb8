using Clientele.Platform.Errors;

namespace Clientele.Retail.Shared;

/// <summary>FastAPI's <c>skip</c>/<c>limit</c> query parameters: skip ≥ 0, limit 1–<see cref="MaxLimit"/>, default 100.</summary>
public static class Paging
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;

    public static void Check(Checks query, int? skip, int? limit)
    {
        if (skip < 0)
        {
            query.Add("skip", "Input should be greater than or equal to 0", "greater_than_equal");
        }
        if (limit is < 1 or > MaxLimit)
        {
            query.Add("limit", $"Input should be between 1 and {MaxLimit}", "value_error");
        }
    }

    public static IQueryable<T> Page<T>(this IQueryable<T> rows, int? skip, int? limit) => rows.Skip(skip ?? 0).Take(limit ?? DefaultLimit);

    public static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<object> Invalid(IReadOnlyList<FieldError> problems) =>
        FastApiErrorShape.Instance.Result(ApiError.Invalid(problems));
}
