namespace Clientele.Leads.Qualification;

/// <summary>The seed's senders: `lead`, `bot`, and a person of the business (`human`; `manager` and `operator` are read the same way).</summary>
public static class Senders
{
    public const string Lead = "lead";
    public const string Bot = "bot";
    public const string Human = "human";

    public static bool IsLead(string sender) => string.Equals(sender, Lead, StringComparison.OrdinalIgnoreCase);

    public static bool IsBot(string sender) => string.Equals(sender, Bot, StringComparison.OrdinalIgnoreCase);

    public static bool IsHuman(string sender) => !IsLead(sender) && !IsBot(sender);
}

/// <summary>One message of a lead's conversation. <see cref="Step"/> is the script step a bot message asked (stored with it so the bot knows what it asked).</summary>
public sealed record ConversationMessage(string Sender, string Text, string? Step = null);

/// <summary>What the lead form already says: the seed's `name`, `phone`, `budget` and `source`.</summary>
public sealed record LeadProfile(string? Name = null, string? Phone = null, decimal? Budget = null, string? Source = null);

/// <summary>A lead's conversation so far, with its niche (the seed's `category`, e.g. `electronics_repair`, and name).</summary>
public sealed record ConversationState(string? NicheCategory, IReadOnlyList<ConversationMessage> Messages)
{
    public string? NicheName { get; init; }

    public LeadProfile Lead { get; init; } = new();

    public static ConversationState Start(string? nicheCategory, LeadProfile? lead = null, string? nicheName = null) =>
        new(nicheCategory, []) { Lead = lead ?? new LeadProfile(), NicheName = nicheName };

    public ConversationState With(ConversationMessage message) => this with { Messages = [.. Messages, message] };

    /// <summary>What the bot read in each message so far, by position (a reading is reused only for the same text after the same question); a state rebuilt from storage starts without it.</summary>
    internal ReadingCache? Readings { get; init; }

    public bool HumanJoined => Messages.Any(message => Senders.IsHuman(message.Sender));
}

/// <summary>Readings of a conversation's first messages, valid for the niche they were read with.</summary>
internal sealed record ReadingCache(string? NicheCategory, string? NicheName, IReadOnlyList<MessageReading?> Messages);
