using System.Globalization;
using System.Text.Json;

namespace Clientele.Leads.Channels;

/// <summary>
/// A Telegram Bot API <c>Update</c>: its <c>message</c> from a private chat (text, caption, or a shared contact's phone). Other
/// update kinds (edits, channel posts, callbacks) are accepted and ignored. The message id is unique per chat, so the key is chat:message.
/// </summary>
public static class TelegramUpdates
{
    public static bool TryRead(byte[] body, out IReadOnlyList<InboundMessage> messages)
    {
        messages = [];
        if (ChannelEndpoints.Parse(body) is not { } update || !update.TryGetProperty("update_id", out var updateId) || updateId.ValueKind != JsonValueKind.Number)
        {
            return false;
        }
        if (!update.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            return true;
        }
        if (!message.TryGetProperty("chat", out var chat) || chat.ValueKind != JsonValueKind.Object || !TryId(chat, out var chatId)
            || !TryId(message, out var messageId, "message_id"))
        {
            return false;
        }
        if (message.TryGetProperty("from", out var from) && from.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True)
        {
            return true;
        }
        var contact = message.TryGetProperty("contact", out var shared) && shared.ValueKind == JsonValueKind.Object ? shared : (JsonElement?)null;
        var phone = contact is { } c ? Text(c, "phone_number") : null;
        var text = Text(message, "text") ?? Text(message, "caption") ?? phone ?? "[non-text message]";
        var name = from.ValueKind == JsonValueKind.Object
            ? string.Join(' ', new[] { Text(from, "first_name"), Text(from, "last_name") }.Where(n => n is not null)) is { Length: > 0 } full ? full : Text(from, "username")
            : null;
        messages = [new InboundMessage("telegram", $"{chatId}:{messageId}", chatId, name, phone, text, null)];
        return true;
    }

    private static bool TryId(JsonElement element, out string id, string property = "id")
    {
        id = "";
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            id = number.ToString(CultureInfo.InvariantCulture);
            return true;
        }
        return false;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
