using System.Collections.Concurrent;

namespace Clientele.Platform.Identity;

/// <summary>
/// Stored API keys by prefix, read from the database at most once per <see cref="Lifetime"/> instead of on every request (the
/// query and its DbContext were most of an API-key request's own cost). Only keys that exist are kept, and the secret is still
/// checked against the stored hash on every request. A revocation takes effect at once on the instance that made it, and on
/// other instances within <see cref="Lifetime"/>.
/// </summary>
public sealed class ApiKeyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset ReadAt)> keys = new(StringComparer.Ordinal);

    public ApiKey? Find(string prefix) =>
        keys.TryGetValue(prefix, out var kept) && time.GetUtcNow() - kept.ReadAt < Lifetime ? kept.Key : null;

    public void Keep(ApiKey key) => keys[key.Prefix] = (key, time.GetUtcNow());

    public void Forget(string prefix) => keys.TryRemove(prefix, out _);
}
