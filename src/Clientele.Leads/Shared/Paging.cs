namespace Clientele.Leads.Shared;

/// <summary>The seed's <c>limit</c> (default 100) and <c>skip</c>, FastAPI style; the newest first.</summary>
public static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static IQueryable<T> Page<T>(this IQueryable<T> rows, int? skip, int? limit) => rows.Skip(skip ?? 0).Take(limit ?? DefaultLimit);
}
