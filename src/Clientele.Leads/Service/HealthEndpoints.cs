using Clientele.Leads.Data;
using Clientele.Platform.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clientele.Leads.Service;

/// <summary>
/// Seed 004's <c>GET /api/health</c>: database and Redis as they really are (connected, disconnected, or Redis not_configured
/// when no <c>ConnectionStrings:Redis</c> is set); healthy when nothing configured is down, degraded otherwise, always 200 as the original.
/// </summary>
public static class HealthEndpoints
{
    public const string Version = "0.1.0";

    public sealed record Services(string Database, string Redis);

    public sealed record Health(string Status, Services Services, string Version);

    public static void Map(RouteGroupBuilder leads) =>
        leads.MapGet("/api/health", CheckAsync).WithName("LeadsHealth").WithTags("Health").AllowAnonymous()
            .WithSummary("Database and Redis state and the API version.");

    public static async Task<IResult> CheckAsync(LeadsDbContext db, RedisHealthCheck redisCheck, IConfiguration configuration, CancellationToken cancellationToken)
    {
        bool database;
        try
        {
            database = await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            database = false;
        }
        var redis = "not_configured";
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            var result = await redisCheck.CheckHealthAsync(new HealthCheckContext(), cancellationToken);
            redis = result.Status == HealthStatus.Healthy ? "connected" : "disconnected";
        }
        var healthy = database && redis != "disconnected";
        return TypedResults.Ok(new Health(healthy ? "healthy" : "degraded", new Services(database ? "connected" : "disconnected", redis), Version));
    }
}
