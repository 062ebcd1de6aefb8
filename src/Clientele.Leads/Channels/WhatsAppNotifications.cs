using System.Text.Json;

namespace Clientele.Leads.Channels;

/// <summary>
/// A WhatsApp Cloud API notification: <c>entry[].changes[].value.messages[]</c> with the sender's <c>wa_id</c> (their phone),
/// profile name from <c>contacts[]</c> and the business number from <c>metadata.phone_number_id</c>. Delivery statuses are ignored.
/// </summary>
public static class WhatsAppNotifications
{
    public static bool TryRead(byte[] body, out IReadOnlyList<InboundMessage> messages)
    {
        var found = new List<InboundMessage>();
        messages = found;
        if (ChannelEndpoints.Parse(body) is not { } notification || !notification.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return false;
        }
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
            {
                return false;
            }
            foreach (var change in changes.EnumerateArray())
            {
                if (change.ValueKind != JsonValueKind.Object || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }
                if (!value.TryGetProperty("messages", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }
                var business = value.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object ? Text(metadata, "phone_number_id") : null;
                var names = value.TryGetProperty("contacts", out var contacts) && contacts.ValueKind == JsonValueKind.Array
                    ? contacts.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object && Text(c, "wa_id") is not null)
                        .GroupBy(c => Text(c, "wa_id")!).ToDictionary(g => g.Key, g => g.First().TryGetProperty("profile", out var p) && p.ValueKind == JsonValueKind.Object ? Text(p, "name") : null)
                    : [];
                foreach (var message in list.EnumerateArray())
                {
                    if (message.ValueKind != JsonValueKind.Object || Text(message, "from") is not { } from || Text(message, "id") is not { } id)
                    {
                        return false;
                    }
                    var type = Text(message, "type") ?? "text";
                    var text = type == "text" && message.TryGetProperty("text", out var content) && content.ValueKind == JsonValueKind.Object ? Text(content, "body") : null;
                    found.Add(new InboundMessage("whatsapp", id, from, names.GetValueOrDefault(from), "+" + from, text ?? $"[{type}]", business));
                }
            }
        }
        return true;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
