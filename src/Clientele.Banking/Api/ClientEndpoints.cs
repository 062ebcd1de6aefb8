using System.Text.Json.Serialization;
using Clientele.Banking.Data;
using Clientele.Banking.Recommendations;
using Clientele.Platform.Errors;
using Clientele.Platform.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Banking.Api;

public static class ClientEndpoints
{
    public sealed record ClientInfo(int ClientCode, string Name);

    public sealed record TopCategory(
        string Category,
        [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal Amount);

    public sealed record ClientDashboardData(
        int ClientCode,
        string Name,
        string Status,
        int Age,
        string City,
        [property: JsonPropertyName("avg_monthly_balance_KZT"), JsonConverter(typeof(FloatLikeDecimalConverter))] decimal AvgMonthlyBalanceKzt,
        [property: JsonPropertyName("total_spending_3m"), JsonConverter(typeof(FloatLikeDecimalConverter))] decimal TotalSpending3m,
        IReadOnlyList<TopCategory> TopCategories);

    public static void Map(RouteGroupBuilder banking)
    {
        var clients = banking.MapGroup("/api/clients").WithTags("Clients");
        clients.MapGet("/", ListClientsAsync).WithName("ListClients").WithSummary("All clients by code: code and name; optional limit (1–10 000) and offset page through them.");
        clients.MapGet("/{client_code}", GetClientAsync).WithName("GetClient")
            .WithSummary("A client's profile with 3-month card spending and top 3 categories.");
    }

    public const int MaxLimit = 10_000;

    /// <summary>Every client by code, as the seed answers; <c>limit</c> and <c>offset</c> (both optional) page through them.</summary>
    public static async Task<Results<Ok<List<ClientInfo>>, JsonHttpResult<object>>> ListClientsAsync(
        int? limit, int? offset, BankingDbContext db, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add(new FieldError(["query", "limit"], $"Input should be between 1 and {MaxLimit}", "value_error"));
        }
        if (offset is < 0)
        {
            errors.Add(new FieldError(["query", "offset"], "Input should be greater than or equal to 0", "greater_than_equal"));
        }
        if (errors.Count > 0)
        {
            return FastApiErrorShape.Instance.Result(ApiError.Invalid([.. errors]));
        }
        var clients = db.Clients.AsNoTracking().OrderBy(c => c.ClientCode).Skip(offset ?? 0);
        if (limit is { } take)
        {
            clients = clients.Take(take);
        }
        return TypedResults.Ok(await clients.Select(c => new ClientInfo(c.ClientCode, c.Name)).ToListAsync(cancellationToken));
    }

    public static async Task<Results<Ok<ClientDashboardData>, NotFound<Detail>>> GetClientAsync(
        [FromRoute(Name = "client_code")] int clientCode, RecommendationService recommendations, CancellationToken cancellationToken)
    {
        if (await recommendations.FeaturesAsync(clientCode, cancellationToken) is not { } features)
        {
            return TypedResults.NotFound(new Detail("Client not found"));
        }
        return TypedResults.Ok(new ClientDashboardData(
            features.ClientCode, features.Name, features.Status, features.Age, features.City, features.AvgMonthlyBalanceKzt,
            features.SpendingTotalKzt, features.TopCategories(3).Select(c => new TopCategory(c.Key, c.Value)).ToList()));
    }
}
