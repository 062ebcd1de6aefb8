namespace Clientele.Leads.Leads;

/// <summary>The seed's four sources, then those the original also wrote (satu, the Tilda form) and the obvious ones.</summary>
public static class LeadSources
{
    public static readonly IReadOnlyList<string> All = ["olx", "kaspi", "telegram", "whatsapp", "satu", "tilda", "website", "manual"];

    /// <summary>The seed's message platforms.</summary>
    public static readonly IReadOnlyList<string> MessagePlatforms = ["whatsapp", "telegram", "olx", "kaspi"];

    public static readonly IReadOnlyList<string> Senders = ["bot", "lead", "human"];
}
