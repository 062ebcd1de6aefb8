using System.Text.Json;
using System.Text.Json.Serialization;
using Clientele.Leads.Qualification;

namespace Clientele.Leads.Tests.Qualification;

/// <summary>A conversation of the evaluation set: what the lead writes, in order, and the status a salesperson would give it.</summary>
public sealed record ScriptedConversation(
    string Id,
    string Niche,
    string Expected,
    IReadOnlyList<string> Messages,
    string? Source = null,
    string? Phone = null);

public static class ScriptedConversations
{
    public static readonly string[] Languages = ["ru", "kk", "mixed"];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString };

    public static IReadOnlyList<ScriptedConversation> Load(string language)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Qualification", "Conversations", $"{language}.json");
        return JsonSerializer.Deserialize<List<ScriptedConversation>>(File.ReadAllText(path), Json)!;
    }

    /// <summary>Plays the lead's messages one by one through the bot, as the API will, and returns the last turn.</summary>
    public static BotTurn Play(QualificationBot bot, ScriptedConversation conversation)
    {
        var state = ConversationState.Start(conversation.Niche, new LeadProfile(Phone: conversation.Phone, Source: conversation.Source));
        BotTurn? turn = null;
        foreach (var message in conversation.Messages)
        {
            turn = bot.Reply(state, new ConversationMessage(Senders.Lead, message));
            state = turn.Conversation;
        }
        return turn!;
    }
}
