using System.Globalization;
using System.Text.Json;

namespace Clientele.Platform.Events;

/// <summary>
/// What WebSocket clients and webhooks receive: <c>{"event", "event_id", "timestamp", "organization": {"id", "name"}, …payload}</c>,
/// the payload's fields merged at the top level (so <c>{"event": "person_joined", "person": {…}}</c> reads as the seed's clients expect).
/// <see cref="Module"/> is the business module the event belongs to (null: the organization's own, for any of its callers); it
/// decides which callers' sockets get it and is not part of the JSON.
/// </summary>
public sealed record EventEnvelope(Guid OrganizationId, string Type, Guid EventId, string Json, string? Module = null)
{
    public static readonly IReadOnlySet<string> ReservedFields = new HashSet<string> { "event", "event_id", "timestamp", "organization" };

    public static EventEnvelope From(OutboxMessage message, string? organizationName) =>
        new(message.OrganizationId, message.Type, message.EventId, Write(message.Type, message.EventId, message.CreatedAt, message.OrganizationId, organizationName, message.Payload));

    /// <summary>Payload fields named like the envelope's own are dropped; a payload that is not an object goes under <c>data</c>.</summary>
    public static string Write(string type, Guid eventId, DateTimeOffset timestamp, Guid organizationId, string? organizationName, string payload)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = EventJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("event", type);
            writer.WriteString("event_id", eventId.ToString());
            writer.WriteString("timestamp", Timestamp(timestamp));
            writer.WriteStartObject("organization");
            writer.WriteString("id", organizationId.ToString());
            writer.WriteString("name", organizationName);
            writer.WriteEndObject();
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(payload) ? "{}" : payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in document.RootElement.EnumerateObject().Where(f => !ReservedFields.Contains(f.Name)))
                {
                    field.WriteTo(writer);
                }
            }
            else if (document.RootElement.ValueKind != JsonValueKind.Null)
            {
                writer.WritePropertyName("data");
                document.RootElement.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
