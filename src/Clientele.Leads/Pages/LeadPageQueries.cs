using System.Text.Json;
using Clientele.Leads.Data;
using Clientele.Leads.Leads;
using Clientele.Leads.Qualification;
using Clientele.Leads.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Leads.Pages;

public sealed record FactorLine(string Factor, string Evidence, double Points, double MaxPoints, string Explanation);

public sealed record SpamLine(string Signal, double Penalty, string Quote);

/// <summary>The bot's stored explanation (<see cref="LeadConversation.Explain"/>) as the page shows it.</summary>
public sealed record ScoreBreakdown(int? Score, string? Status, string? Reason, string? Language, IReadOnlyList<FactorLine> Factors, IReadOnlyList<SpamLine> Spam)
{
    public static ScoreBreakdown? Of(string? json)
    {
        if (json is null)
        {
            return null;
        }
        var root = JsonDocument.Parse(json).RootElement;
        string? Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        double Number(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
        IEnumerable<JsonElement> Items(string name) => root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];
        return new ScoreBreakdown(
            root.TryGetProperty("quality_score", out var score) && score.ValueKind == JsonValueKind.Number ? score.GetInt32() : null,
            Text(root, "status"), Text(root, "status_reason"), Text(root, "language"),
            Items("factors").Select(f => new FactorLine(Text(f, "factor") ?? "", Text(f, "evidence") ?? "", Number(f, "points"), Number(f, "max_points"), Text(f, "explanation") ?? "")).ToList(),
            Items("spam").Select(s => new SpamLine(Text(s, "signal") ?? "", Number(s, "penalty"), Text(s, "quote") ?? "")).ToList());
    }
}

/// <summary>One step of a lead's status history: from, to, by whom (bot or human), when.</summary>
public sealed record StatusStep(DateTimeOffset At, string? From, string To, string By);

public sealed record LeadPageData(Lead Lead, string? Niche, string? Campaign, string? Ad, IReadOnlyList<LeadMessage> Messages, ScoreBreakdown? Score,
    IReadOnlyList<StatusStep> History);

/// <summary>
/// The lead page's reads and its one write (a person's message, through <see cref="LeadConversation"/> as <c>POST …/messages</c>).
/// The status history is the lead's creation, then its rows of <c>leads_status_changes</c>.
/// </summary>
public static class LeadPageQueries
{
    public static async Task<LeadPageData?> LoadAsync(LeadsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) is not { } lead)
        {
            return null;
        }
        var niche = lead.NicheId is { } nicheId ? await db.Niches.AsNoTracking().Where(n => n.Id == nicheId).Select(n => n.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var campaign = lead.CampaignId is { } campaignId ? await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var ad = lead.AdId is { } adId ? await db.Ads.AsNoTracking().Where(a => a.Id == adId).Select(a => a.Title).FirstOrDefaultAsync(cancellationToken) : null;
        var messages = await MessageEndpoints.ConversationAsync(db, id, cancellationToken);
        var history = new List<StatusStep> { new(lead.CreatedAt, null, LeadStatuses.New, "created") };
        history.AddRange((await StatusHistoryEndpoints.ChangesAsync(db, id, cancellationToken))
            .Select(c => new StatusStep(c.ChangedAt, c.FromStatus, c.ToStatus, c.Actor is { } actor ? $"{c.ChangedBy} ({actor}, {c.Via})" : $"{c.ChangedBy} ({c.Via})")));
        return new LeadPageData(lead, niche, campaign, ad, messages, ScoreBreakdown.Of(lead.Qualification), history);
    }

    /// <summary>Null when stored; otherwise why not.</summary>
    public static async Task<string?> WriteAsync(IServiceProvider services, Guid id, string text, CancellationToken cancellationToken)
    {
        var checks = new Checks();
        text = checks.Text("message", text, LeadsDbContext.MaxTextLength);
        if (!checks.Ok)
        {
            return checks.Problems[0].Message;
        }
        var db = services.GetRequiredService<LeadsDbContext>();
        if (await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) is not { } lead)
        {
            return "Lead not found";
        }
        var platform = LeadSources.MessagePlatforms.Contains(lead.Source) ? lead.Source : "whatsapp";
        await services.GetRequiredService<LeadConversation>().AddAsync(lead, text, Senders.Human, platform, null, null, cancellationToken);
        return null;
    }
}
