using System.Text.Json;
using Clientele.Leads.Channels;
using Clientele.Leads.Shared;

namespace Clientele.Leads.Leads;

/// <summary>The seed's lead (id, name, phone, source, status, quality_score, created_at), then its attribution and details.</summary>
public sealed record LeadView(
    Guid Id, string Name, string? Phone, string Source, string Status, int? QualityScore, DateTime CreatedAt,
    Guid? AdId, Guid? CampaignId, Guid? NicheId, string? PhoneE164, string? PlatformUserId, [property: Float] decimal? Budget, string? Notes)
{
    public static LeadView Of(Lead l) => new(l.Id, l.Name, l.Phone, l.Source, l.Status, l.QualityScore, l.CreatedAt.UtcDateTime,
        l.AdId, l.CampaignId, l.NicheId, l.PhoneE164, l.PlatformUserId, l.Budget, l.Notes);
}

/// <summary>The answer to <c>POST /api/leads</c>: <see cref="IsDuplicate"/> when a repeat contact joined an open lead of the same phone.</summary>
public sealed record LeadCreated(
    Guid Id, string Name, string? Phone, string Source, string Status, int? QualityScore, DateTime CreatedAt,
    Guid? AdId, Guid? CampaignId, Guid? NicheId, string? PhoneE164, string? PlatformUserId, [property: Float] decimal? Budget, string? Notes,
    bool IsDuplicate)
{
    public static LeadCreated Of(Lead l, bool isDuplicate) => new(l.Id, l.Name, l.Phone, l.Source, l.Status, l.QualityScore, l.CreatedAt.UtcDateTime,
        l.AdId, l.CampaignId, l.NicheId, l.PhoneE164, l.PlatformUserId, l.Budget, l.Notes, isDuplicate);
}

public sealed record MessageView(Guid Id, string Message, string Sender, string Platform, DateTime CreatedAt, string? Step, DeliveryView? Delivery)
{
    public static MessageView Of(LeadMessage m) => new(m.Id, m.Message, m.Sender, m.Platform, m.CreatedAt.UtcDateTime, m.Step, DeliveryView.Of(m));
}

public sealed record LeadDetail(
    Guid Id, string Name, string? Phone, string Source, string Status, int? QualityScore, DateTime CreatedAt,
    Guid? AdId, Guid? CampaignId, Guid? NicheId, string? PhoneE164, string? PlatformUserId, [property: Float] decimal? Budget, string? Notes,
    IReadOnlyList<MessageView> Conversations, JsonElement? Qualification, IReadOnlyList<string> NextStatuses)
{
    public static LeadDetail Of(Lead l, IEnumerable<LeadMessage> messages) => new(l.Id, l.Name, l.Phone, l.Source, l.Status, l.QualityScore,
        l.CreatedAt.UtcDateTime, l.AdId, l.CampaignId, l.NicheId, l.PhoneE164, l.PlatformUserId, l.Budget, l.Notes,
        messages.Select(MessageView.Of).ToList(),
        l.Qualification is null ? null : JsonDocument.Parse(l.Qualification).RootElement.Clone(),
        LeadStatuses.From(l.Status));
}
