using System.Text.Json.Serialization;
using Clientele.Banking.Data;
using Clientele.Banking.Domain;
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
        clients.MapGet("/", ListClientsAsync).WithName("ListClients").WithSummary("All clients: code and name.");
        clients.MapGet("/{client_code}", GetClientAsync).WithName("GetClient")
            .WithSummary("A client's profile with 3-month card spending and top 3 categories.");
    }

    public static async Task<Ok<List<ClientInfo>>> ListClientsAsync(BankingDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Clients.AsNoTracking().OrderBy(c => c.ClientCode)
            .Select(c => new ClientInfo(c.ClientCode, c.Name)).ToListAsync(cancellationToken));

    public static async Task<Results<Ok<ClientDashboardData>, NotFound<Detail>>> GetClientAsync(
        [FromRoute(Name = "client_code")] int clientCode, BankingDbContext db, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientCode == clientCode, cancellationToken);
        if (client is null)
        {
            return TypedResults.NotFound(new Detail("Client not found"));
        }
        var spending = await db.Transactions.AsNoTracking().Where(t => t.ClientCode == clientCode)
            .Select(t => new { t.OccurredAt, t.Category, t.AmountKzt }).ToListAsync(cancellationToken);
        var lastTransfer = await db.Transfers.Where(t => t.ClientCode == clientCode).MaxAsync(t => (DateTime?)t.OccurredAt, cancellationToken);
        var window = SpendingWindow.ForClient(spending.Select(s => s.OccurredAt), lastTransfer is { } moment ? [moment] : []);
        var profile = SpendingProfile.Of(spending.Where(s => window.Contains(s.OccurredAt)).Select(s => (s.Category, s.AmountKzt)));
        return TypedResults.Ok(new ClientDashboardData(
            client.ClientCode, client.Name, client.Status, client.Age, client.City, client.AvgMonthlyBalanceKzt,
            profile.Total, profile.Top(3).Select(c => new TopCategory(c.Category, c.Amount)).ToList()));
    }
}
