using Clientele.Leads.Data;
using Clientele.Leads.Shared;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Leads;

/// <summary>
/// A contact arriving (the API's POST or a channel): a repeat from the same phone (E.164), or the same chat on the same
/// platform, within <see cref="LeadsOptions.DuplicateWindowDays"/> of the open lead's creation joins that lead; otherwise a new lead.
/// </summary>
public static class LeadIntake
{
    public static async Task<(Lead Lead, bool IsDuplicate)> AdmitAsync(LeadsDbContext db, Lead candidate, int windowDays, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (await FindOpenAsync(db, candidate, now.AddDays(-windowDays), cancellationToken) is { } existing)
        {
            if (candidate.Notes is { } notes && existing.Notes?.Contains(notes, StringComparison.Ordinal) != true)
            {
                var joined = existing.Notes is null ? notes : $"{existing.Notes}\n{notes}";
                existing.Notes = joined.Length > LeadsDbContext.MaxTextLength ? existing.Notes : joined;
            }
            existing.PhoneE164 ??= candidate.PhoneE164;
            existing.Phone ??= candidate.Phone;
            existing.Budget ??= candidate.Budget;
            existing.UpdatedAt = now;
            return (existing, true);
        }
        candidate.CreatedAt = candidate.UpdatedAt = now;
        db.Leads.Add(candidate);
        LeadsEvents.Publish(db, LeadsEvents.LeadCreated, new { lead = LeadView.Of(candidate) });
        return (candidate, false);
    }

    private static async Task<Lead?> FindOpenAsync(LeadsDbContext db, Lead candidate, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var open = db.Leads.Where(l => l.CreatedAt >= since && !LeadStatuses.Closed.Contains(l.Status));
        if (candidate.PhoneE164 is { } phone && await open.Where(l => l.PhoneE164 == phone).OrderBy(l => l.CreatedAt).FirstOrDefaultAsync(cancellationToken) is { } byPhone)
        {
            return byPhone;
        }
        if (candidate.PlatformUserId is { } user)
        {
            return await open.Where(l => l.Source == candidate.Source && l.PlatformUserId == user).OrderBy(l => l.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        }
        return null;
    }
}
