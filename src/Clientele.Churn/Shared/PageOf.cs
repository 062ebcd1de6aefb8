using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Clientele.Platform;

namespace Clientele.Churn.Shared;

/// <summary>Django REST Framework's page-number pagination: <c>{"count", "next", "previous", "results"}</c> with absolute links.</summary>
public sealed record PageOf<T>(int Count, string? Next, string? Previous, IReadOnlyList<T> Results);

public static class Pagination
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;

    /// <summary>
    /// A page of <paramref name="rows"/> (already ordered), or 404 "Invalid page." as DRF answers a page that is not a number or
    /// lies past the end. A page size that is not a number falls back to the default, and one over the maximum is cut to it, as in DRF.
    /// </summary>
    public static async Task<(PageOf<TView>? Page, IResult? Error)> ReadAsync<TRow, TView>(
        IQueryable<TRow> rows, HttpContext context, string? page, string? pageSize, Func<TRow, TView> view)
    {
        var size = int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? Math.Min(asked, MaxPageSize) : DefaultPageSize;
        var number = 1;
        if (page is not null && page != "last" && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
        {
            return (null, ChurnResults.NotFound("Invalid page."));
        }
        var count = await rows.CountAsync(context.RequestAborted);
        var pages = Math.Max(1, (count + size - 1) / size);
        if (page == "last")
        {
            number = pages;
        }
        if (number > pages)
        {
            return (null, ChurnResults.NotFound("Invalid page."));
        }
        var items = await rows.Skip((number - 1) * size).Take(size).ToListAsync(context.RequestAborted);
        var results = items.Select(view).ToList();
        return (new PageOf<TView>(count, number < pages ? Link(context, number + 1) : null, number > 1 ? Link(context, number - 1) : null, results), null);
    }

    /// <summary>This request's URL with another page; page 1 drops the parameter, as DRF does. The host is the configured public URL when there is one.</summary>
    private static string Link(HttpContext context, int page)
    {
        var request = context.Request;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value).Where(p => p.Key != "page").ToList();
        if (page > 1)
        {
            query.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        }
        var builder = new QueryBuilder();
        foreach (var (key, values) in query)
        {
            foreach (var value in values)
            {
                builder.Add(key, value ?? "");
            }
        }
        var origin = PublicAddress.Of(context.RequestServices.GetRequiredService<IConfiguration>())?.TrimEnd('/')
            ?? $"{request.Scheme}://{request.Host}";
        return $"{origin}{request.PathBase}{request.Path}{builder.ToQueryString()}";
    }
}
