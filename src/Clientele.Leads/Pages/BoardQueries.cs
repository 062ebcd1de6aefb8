using System.Security.Claims;
using Clientele.Leads.Data;
using Clientele.Leads.Leads;
using Clientele.Leads.Shared;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Pages;

public sealed record BoardCard(Guid Id, string Name, string? Phone, string Source, string Status, int? QualityScore, DateTime CreatedAt);

/// <summary>The kanban's reads and its one write: the newest leads per status, and a status move along the lead state machine.</summary>
public static class BoardQueries
{
    public const int PerColumn = 50;

    public static async Task<(List<BoardCard> Cards, Dictionary<string, int> Totals)> LoadAsync(LeadsDbContext db, CancellationToken cancellationToken)
    {
        var totals = await db.Leads.AsNoTracking().GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var cards = new List<BoardCard>();
        foreach (var status in LeadStatuses.All)
        {
            var column = await db.Leads.AsNoTracking().Where(l => l.Status == status).OrderByDescending(l => l.CreatedAt).Take(PerColumn)
                .ToListAsync(cancellationToken);
            cards.AddRange(column.Select(l => new BoardCard(l.Id, l.Name, l.Phone, l.Source, l.Status, l.QualityScore, l.CreatedAt.UtcDateTime)));
        }
        return (cards, totals);
    }

    /// <summary>Null when moved; otherwise why not (an impossible transition or a lead gone meanwhile).</summary>
    public static async Task<string?> MoveAsync(LeadsDbContext db, Guid leadId, string status, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.Leads.FirstOrDefaultAsync(l => l.Id == leadId, cancellationToken) is not { } lead)
        {
            return "Lead not found";
        }
        if (!LeadStatuses.CanMove(lead.Status, status))
        {
            return $"A lead cannot move from '{lead.Status}' to '{status}'";
        }
        if (lead.Status != status)
        {
            lead.StatusSetByHuman = true;
            lead.UpdatedAt = Instants.Now(time);
            LeadStatusChange.Apply(db, lead, status, StatusActor.Human("board", user));
            await db.SaveChangesAsync(cancellationToken);
        }
        return null;
    }
}
