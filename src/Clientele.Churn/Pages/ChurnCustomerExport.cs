using System.Text;
using Clientele.Churn.Auth;
using Clientele.Churn.Customers;
using Clientele.Churn.Data;
using Clientele.Churn.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Churn.Pages;

/// <summary>
/// The customers page's CSV: every customer of the current search, in the page's order, with e-mail and phone masked unless the caller
/// may see PII. Read access, like the list; the dashboard links to it with the page's filter and the browser's session cookie.
/// </summary>
public static class ChurnCustomerExport
{
    public const string Path = "/api/customers/export.csv";
    private static readonly string[] SortFields = ["id", "name", "risk_score"];

    public static void Map(RouteGroupBuilder churn) =>
        churn.MapGet(Path, ExportAsync).WithTags("Customers").WithName("ExportChurnCustomers")
            .WithSummary("Customers as CSV, searched and sorted as the list is (search, sort_by, order); masked without the PII permission.");

    /// <summary>The export's address (under the module's path base) for a search and an order, as the page links to it.</summary>
    public static string Link(string pathBase, string? search, string? sort, bool descending)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(search))
        {
            query.Add("search=" + Uri.EscapeDataString(search.Trim()));
        }
        if (sort is not null and not "id" || descending)
        {
            query.Add("sort_by=" + (sort ?? "id"));
            query.Add("order=" + (descending ? "desc" : "asc"));
        }
        return pathBase.TrimEnd('/') + Path + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    public static IResult ExportAsync(ChurnDbContext db, HttpContext context, IOptions<ChurnOptions> options, [FromQuery] string? search,
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
        if (search is { Length: > CustomerInput.MaxEmailLength } || search?.Contains('\0') == true)
        {
            return ChurnResults.Invalid([new(["query", "search"], $"Ensure this field has no more than {CustomerInput.MaxEmailLength} characters and no null characters.")]);
        }
        var permissions = ChurnPermissions.Of(context.User);
        var bands = options.Value.Bands;
        var rows = ChurnQueries.Filtered(db, search, sortBy, order == "desc");
        return TypedResults.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            await writer.WriteAsync(ChurnQueries.CsvHeader);
            await foreach (var customer in rows.AsAsyncEnumerable().WithCancellation(context.RequestAborted))
            {
                await writer.WriteAsync(ChurnQueries.CsvLine(CustomerView.Of(customer, permissions, bands)));
            }
            await writer.FlushAsync(context.RequestAborted);
        }, "text/csv; charset=utf-8", "churn-customers.csv");
    }
}
