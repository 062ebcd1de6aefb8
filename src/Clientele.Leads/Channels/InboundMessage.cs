using Clientele.Leads.Data;
using Clientele.Leads.Leads;
using Clientele.Leads.Phones;
using Clientele.Leads.Shared;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clientele.Leads.Channels;

/// <summary>One lead message as a platform delivered it, before it is stored.</summary>
public sealed record InboundMessage(string Platform, string PlatformMessageId, string Sender, string? Name, string? Phone, string Text, string? BusinessNumberId);

/// <summary>
/// Stores a platform's messages for the campaign the webhook URL names, in that campaign's organization: the lead is found or
/// made (joined by phone or chat), the message added once per platform message id, and the bot's reply sent back.
/// </summary>
public sealed class InboundMessages(IServiceScopeFactory scopes, IOptionsMonitor<LeadsOptions> options, TimeProvider time)
{
    public enum Outcome { Stored, AlreadySeen, UnknownCampaign }

    public async Task<Outcome> AcceptAsync(Guid campaignId, IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            if (await AcceptOneAsync(campaignId, message, cancellationToken) == Outcome.UnknownCampaign)
            {
                return Outcome.UnknownCampaign;
            }
        }
        return Outcome.Stored;
    }

    private async Task<Outcome> AcceptOneAsync(Guid campaignId, InboundMessage inbound, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadsDbContext>();
        var campaign = await db.Campaigns.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return Outcome.UnknownCampaign;
        }
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(campaign.OrganizationId);
        if (await db.Messages.AnyAsync(m => m.Platform == inbound.Platform && m.PlatformMessageId == inbound.PlatformMessageId, cancellationToken))
        {
            return Outcome.AlreadySeen;
        }
        var phone = PhoneNormalizer.Normalize(inbound.Phone).Phone;
        var candidate = new Lead
        {
            Name = Trim(inbound.Name, LeadsDbContext.MaxNameLength) ?? inbound.Sender,
            Source = inbound.Platform,
            PlatformUserId = Trim(inbound.Sender, 200),
            Phone = phone?.Display,
            PhoneE164 = phone?.E164,
            CampaignId = campaign.Id,
            NicheId = campaign.NicheId,
        };
        try
        {
            var (lead, _) = await LeadIntake.AdmitAsync(db, candidate, options.CurrentValue.DuplicateWindowDays, Instants.Now(time), cancellationToken);
            lead.PlatformUserId ??= candidate.PlatformUserId;
            await db.SaveChangesAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<LeadConversation>().AddAsync(lead,
                Trim(inbound.Text, LeadsDbContext.MaxTextLength) ?? "…", "lead", inbound.Platform, inbound.PlatformMessageId, inbound.BusinessNumberId, cancellationToken);
            return Outcome.Stored;
        }
        catch (DbUpdateException)
        {
            // The same delivery arriving twice at once: the unique (platform, message id) index keeps one.
            return Outcome.AlreadySeen;
        }
    }

    /// <summary>Platform text is stored as sent, without NUL (PostgreSQL refuses it) and cut to the column's length.</summary>
    private static string? Trim(string? text, int max)
    {
        var clean = text?.Replace("\0", "", StringComparison.Ordinal).Trim();
        return string.IsNullOrEmpty(clean) ? null : clean.Length > max ? clean[..max] : clean;
    }
}
