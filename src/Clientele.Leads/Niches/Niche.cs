using Clientele.Platform.Tenancy;

namespace Clientele.Leads.Niches;

/// <summary>A market being tested (laptop repair in Almaty, …) with the cost per lead and ROI it must reach to be worth it.</summary>
public sealed class Niche : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public required string Category { get; set; }
    public string? Description { get; set; }
    public string Status { get; set; } = NicheStatuses.Research;
    public decimal? CplTarget { get; set; }
    public decimal? RoiTarget { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class NicheStatuses
{
    public const string Research = "research";
    public static readonly IReadOnlyList<string> All = [Research, "active", "paused", "completed", "rejected"];
}
