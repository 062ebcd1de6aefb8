using Clientele.Retail.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Clientele.Retail.Service;

/// <summary>Seed 001's <c>GET /</c> and <c>GET /health</c> (the database is reached, or 503).</summary>
public static class ServiceEndpoints
{
    public sealed record ServiceStatus(string Service, string Status);

    public sealed record HealthStatus(string Status);

    public static void Map(RouteGroupBuilder retail)
    {
        retail.MapGet("/", () => TypedResults.Ok(new ServiceStatus("Clustr API", "ok"))).WithName("RetailRoot").WithTags("Service");
        retail.MapGet("/health", HealthAsync).WithName("RetailHealth").WithTags("Service");
    }

    public static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> HealthAsync(RetailDbContext db, CancellationToken cancellationToken) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? TypedResults.Ok(new HealthStatus("ok"))
            : TypedResults.Json(new HealthStatus("unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
}
