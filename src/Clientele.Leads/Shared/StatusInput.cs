using Microsoft.AspNetCore.Http;

namespace Clientele.Leads.Shared;

/// <summary>The body of the status PATCHes, <c>{"status": "active"}</c>.</summary>
public sealed record StatusInput(string? Status = null)
{
    /// <summary>
    /// The JSON body as the seed shows, or <c>?status=</c> as the original's code read it (the body wins). Unknown or missing:
    /// 400 «Status must be one of …», as the original answered.
    /// </summary>
    public static (string? Status, IResult? Refusal) Read(StatusInput? body, string? query, IReadOnlyList<string> allowed)
    {
        var sent = body?.Status ?? query;
        if (sent is null)
        {
            return (null, Refusals.BadRequest($"Status is required; must be one of: {string.Join(", ", allowed)}"));
        }
        var status = allowed.FirstOrDefault(a => a.Equals(sent.Trim(), StringComparison.OrdinalIgnoreCase));
        return status is null
            ? (null, Refusals.BadRequest($"Invalid status. Must be one of: {string.Join(", ", allowed)}"))
            : (status, null);
    }
}
