using Microsoft.Extensions.AI;

namespace Clientele.Leads.Qualification;

/// <summary>
/// Score thresholds (the original project's MIN_QUALIFICATION_SCORE 60 and AUTO_HANDOFF_THRESHOLD 80) and the optional
/// language model. With <see cref="ChatClient"/> null (the default) the bot is fully rule-based and deterministic.
/// </summary>
public sealed record QualificationOptions
{
    public int QualifiedScore { get; init; } = 60;

    public int HotScore { get; init; } = 80;

    /// <summary>Spam penalty that makes a lead spam unless it shows a real need.</summary>
    public int SuspectSpamPenalty { get; init; } = 25;

    /// <summary>Spam penalty that makes a lead spam whatever else it says.</summary>
    public int CertainSpamPenalty { get; init; } = 45;

    /// <summary>When set, <see cref="QualificationBot.ReplyAsync"/> lets the model phrase the scripted question; scoring never depends on it.</summary>
    public IChatClient? ChatClient { get; init; }

    public TimeSpan ChatTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
