using System.Text.Json;
using Clientele.Platform.Modules;

namespace Clientele.Platform.Events;

/// <summary>
/// Which business module an event belongs to, so that a socket of a key scoped to one module gets that module's events
/// only: a <c>job.*</c> event belongs to its job kind's module (<c>banking.client-summaries</c> → banking); a type named
/// <c>&lt;module&gt;.…</c> to that module; any other to the module whose outbox it came from (Nome.ai's <c>person_joined</c>
/// from visitors). Events of the platform itself belong to no module: every caller of the organization may see them.
/// </summary>
public static class EventModules
{
    public static string? Of(string type, string payload, string? outboxModule, ModuleCatalog catalog)
    {
        bool IsBusiness(string? name) => name is not null && name != ModuleCatalog.PlatformName && catalog.Modules.Any(m => m.Name == name);
        if (type.StartsWith("job.", StringComparison.Ordinal))
        {
            var kindModule = KindOf(payload)?.Split('.')[0];
            return IsBusiness(kindModule) ? kindModule : null;
        }
        var prefix = type.Split('.')[0];
        if (type.Contains('.') && IsBusiness(prefix))
        {
            return prefix;
        }
        return IsBusiness(outboxModule) ? outboxModule : null;
    }

    private static string? KindOf(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(payload) ? "{}" : payload);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("kind", out var kind)
                && kind.ValueKind == JsonValueKind.String ? kind.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
