using System.Text.Json;
using Clientele.Platform.Events;

namespace Clientele.Platform.Tests.Events;

public sealed class EventEnvelopeTests
{
    private static readonly Guid Organization = Guid.Parse("11111111-2222-3333-4444-555555555555");
    private static readonly Guid EventId = Guid.Parse("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");

    [Fact]
    public void A_nome_person_joined_payload_keeps_its_shape_at_the_top_level()
    {
        var message = new OutboxMessage
        {
            OrganizationId = Organization,
            EventId = EventId,
            Type = "person_joined",
            Payload = JsonSerializer.Serialize(new { person = new { id = "p1", full_name = "Айгерим", age = 29 } }, EventJson.Options),
            CreatedAt = new DateTimeOffset(2026, 1, 2, 8, 4, 5, 123, TimeSpan.FromHours(5)),
        };

        var json = JsonDocument.Parse(EventEnvelope.From(message, "Kaspi").Json).RootElement;

        Assert.Equal("person_joined", json.GetProperty("event").GetString());
        Assert.Equal(EventId.ToString(), json.GetProperty("event_id").GetString());
        Assert.Equal("2026-01-02T03:04:05.123Z", json.GetProperty("timestamp").GetString());
        Assert.Equal(Organization.ToString(), json.GetProperty("organization").GetProperty("id").GetString());
        Assert.Equal("Kaspi", json.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal("Айгерим", json.GetProperty("person").GetProperty("full_name").GetString());
        Assert.Contains("Айгерим", EventEnvelope.From(message, "Kaspi").Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Payload_fields_cannot_overwrite_the_envelope()
    {
        var json = JsonDocument.Parse(EventEnvelope.Write("job.failed", EventId, DateTimeOffset.UnixEpoch, Organization, null,
            """{"event":"forged","event_id":"x","organization":{"id":"other"},"job_id":7}""")).RootElement;

        Assert.Equal("job.failed", json.GetProperty("event").GetString());
        Assert.Equal(EventId.ToString(), json.GetProperty("event_id").GetString());
        Assert.Equal(Organization.ToString(), json.GetProperty("organization").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("organization").GetProperty("name").ValueKind);
        Assert.Equal(7, json.GetProperty("job_id").GetInt32());
        Assert.Single(json.EnumerateObject(), p => p.Name == "event");
    }

    [Fact]
    public void A_payload_that_is_not_an_object_goes_under_data()
    {
        var json = JsonDocument.Parse(EventEnvelope.Write("x", EventId, DateTimeOffset.UnixEpoch, Organization, "o", "[1,2]")).RootElement;

        Assert.Equal(2, json.GetProperty("data").GetArrayLength());
    }
}
