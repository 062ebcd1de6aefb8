namespace Clientele.Platform.RateLimits;

/// <summary>Whose requests share one bucket: the caller (API key, device key, user, else IP) or always the client IP.</summary>
public enum RateLimitPartitioning
{
    Caller,
    Ip,
}

/// <summary>At most <see cref="PermitLimit"/> requests per fixed window; a limit of 0 means unlimited.</summary>
public sealed record RateLimitRule(int PermitLimit, int WindowSeconds, RateLimitPartitioning PartitionBy = RateLimitPartitioning.Caller)
{
    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    public bool Unlimited => PermitLimit == 0;
}

/// <summary>One counter: a module's policy for one partition (caller or IP) under one rule.</summary>
public sealed record RateLimitBucket(string Module, string Policy, string Partition, RateLimitRule Rule)
{
    public string RedisKey(string prefix) => $"{prefix}:{Module}:{Policy}:{Rule.PermitLimit}per{Rule.WindowSeconds}s:{Partition}";
}

/// <summary>A module's own rule for one of its named policies (churn's login: 10 a minute per IP); configuration still overrides it.</summary>
public sealed record RateLimitDefault(string Module, string Policy, RateLimitRule Rule);
