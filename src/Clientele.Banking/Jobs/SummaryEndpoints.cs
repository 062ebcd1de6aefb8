using System.Text.Json.Serialization;
using Clientele.Banking.Api;
using Clientele.Banking.Data;
using Clientele.Platform.Jobs;
using Clientele.Platform.Json;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Banking.Jobs;

/// <summary>Refreshing the monthly spending summaries (a durable job) and reading them (the dashboard's trend chart).</summary>
public static class SummaryEndpoints
{
    public sealed record CategorySpending(string Category, [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal Amount, int Transactions);

    public sealed record MonthSpending(string Month, [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal Total, IReadOnlyList<CategorySpending> Categories);

    public sealed record ClientMonthly(int ClientCode, DateTimeOffset? ComputedAt, IReadOnlyList<MonthSpending> Months);

    public static void Map(RouteGroupBuilder banking)
    {
        banking.MapPost("/api/summaries/refresh", RefreshAsync).WithName("RefreshSummaries").WithTags("Summaries")
            .WithSummary("Queues a job that recomputes every client's monthly spending per category.")
            .RequireWriteAccess(BankingModule.Name);
        banking.MapGet("/api/clients/{client_code}/monthly", GetMonthlyAsync).WithName("GetClientMonthlySpending").WithTags("Summaries")
            .WithSummary("A client's stored monthly spending: total and categories per month, oldest first.");
    }

    public static async Task<Accepted<TaskAccepted>> RefreshAsync(JobQueue queue, ModuleCatalog catalog, CancellationToken cancellationToken)
    {
        // A refresh that has not started yet will see everything this one would: answer with it instead of queueing another.
        var waiting = (await queue.ListAsync(JobStatus.Queued, [BankingModule.Name], JobEndpoints.MaxLimit, cancellationToken))
            .FirstOrDefault(j => j.Kind == ClientSummariesJob.JobKind);
        var job = waiting ?? await queue.EnqueueAsync(ClientSummariesJob.JobKind, cancellationToken: cancellationToken);
        var message = waiting is null ? "Monthly spending summaries are being computed for every client" : "A refresh is already queued";
        return TaskAccepted.For(job, message, catalog);
    }

    public static async Task<Results<Ok<ClientMonthly>, NotFound<Detail>>> GetMonthlyAsync(
        [FromRoute(Name = "client_code")] int clientCode, BankingDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Clients.AnyAsync(c => c.ClientCode == clientCode, cancellationToken))
        {
            return TypedResults.NotFound(new Detail("Client not found"));
        }
        var rows = await db.MonthlySpending.AsNoTracking().Where(s => s.ClientCode == clientCode).ToListAsync(cancellationToken);
        var months = rows.GroupBy(r => r.Month).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MonthSpending(g.Key, g.Sum(r => r.AmountKzt), g
                .OrderByDescending(r => r.AmountKzt).ThenBy(r => r.Category, StringComparer.Ordinal)
                .Select(r => new CategorySpending(r.Category, r.AmountKzt, r.Transactions)).ToList()))
            .ToList();
        return TypedResults.Ok(new ClientMonthly(clientCode, rows.Count == 0 ? null : rows.Max(r => r.ComputedAt), months));
    }
}
