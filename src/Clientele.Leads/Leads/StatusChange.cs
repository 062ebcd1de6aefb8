using System.Security.Claims;
using Clientele.Platform.Tenancy;

namespace Clientele.Leads.Leads;

/// <summary>One move of a lead's status, stored in the transaction that made it (<c>leads_status_changes</c>).</summary>
public sealed class StatusChange : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid LeadId { get; set; }
    public required string FromStatus { get; set; }
    public required string ToStatus { get; set; }

    /// <summary>bot or human.</summary>
    public required string ChangedBy { get; set; }

    /// <summary>Where the change was made: api, board, merge, conversation (the bot's reading of a message).</summary>
    public required string Via { get; set; }

    /// <summary>The signed-in user's e-mail or the API key's name; null for the bot and for Development calls without credentials.</summary>
    public string? Actor { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>Who moved a status, and through what.</summary>
public sealed record StatusActor(string ChangedBy, string Via, string? Actor)
{
    public const int MaxActorLength = 200;

    public static readonly StatusActor Bot = new("bot", "conversation", null);

    public static StatusActor Human(string via, ClaimsPrincipal? user) =>
        new("human", via, user?.FindFirst(ClaimTypes.Name)?.Value is { Length: > 0 } name ? name[..Math.Min(name.Length, MaxActorLength)] : null);
}
