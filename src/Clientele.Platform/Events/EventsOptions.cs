namespace Clientele.Platform.Events;

/// <summary><c>Clientele:Events</c>: the outbox dispatcher, WebSockets, webhooks and e-mail alerts.</summary>
public sealed class EventsOptions
{
    public const string Section = "Clientele:Events";

    /// <summary>Whether this process dispatches outboxes (every instance may; claiming keeps them apart).</summary>
    public bool DispatchEnabled { get; set; } = true;

    public double PollSeconds { get; set; } = 1;

    public int BatchSize { get; set; } = 100;

    /// <summary>Tries before an outbox message that cannot be routed is set aside (dispatched with its error kept).</summary>
    public int MaxDispatchAttempts { get; set; } = 10;

    /// <summary>Largest message a WebSocket client may send; a larger one closes the socket with 1008.</summary>
    public int MaxClientMessageBytes { get; set; } = 4096;

    /// <summary>Messages queued for one slow WebSocket client before the oldest are dropped.</summary>
    public int SocketQueueLength { get; set; } = 256;

    /// <summary>The Redis pub/sub channel every instance publishes to and forwards from.</summary>
    public string RedisChannel { get; set; } = "clientele:events";

    public WebhookOptions Webhooks { get; set; } = new();

    public EmailOptions Email { get; set; } = new();

    public TimeSpan Poll => TimeSpan.FromSeconds(Math.Max(PollSeconds, 0.01));
}

/// <summary><c>Clientele:Events:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public bool DeliveryEnabled { get; set; } = true;

    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; it doubles with every further failure, up to <see cref="MaxDelaySeconds"/>.</summary>
    public double BaseDelaySeconds { get; set; } = 10;

    public double MaxDelaySeconds { get; set; } = 3600;

    public double TimeoutSeconds { get; set; } = 10;

    public double PollSeconds { get; set; } = 1;

    public int Parallelism { get; set; } = 8;

    public bool AllowLoopback { get; set; }

    public bool AllowPrivateNetworks { get; set; }

    /// <summary>New and changed URLs must echo a challenge before they are stored.</summary>
    public bool RequireVerification { get; set; } = true;

    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(TimeoutSeconds, 0.1));

    public TimeSpan Poll => TimeSpan.FromSeconds(Math.Max(PollSeconds, 0.01));

    /// <summary>The wait before the next attempt after <paramref name="failedAttempts"/> failures: base · 2^(failed − 1), capped.</summary>
    public TimeSpan BackOff(int failedAttempts)
    {
        var seconds = BaseDelaySeconds * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 60));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxDelaySeconds));
    }
}

/// <summary><c>Clientele:Events:Email</c>: SMTP for alert events; off while <see cref="Host"/> is empty.</summary>
public sealed class EmailOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "clientele@localhost";

    /// <summary>Recipients, separated by commas or semicolons.</summary>
    public string To { get; set; } = "";

    /// <summary>Event types that are alerts, e.g. <c>job.failed</c>.</summary>
    public List<string> AlertTypes { get; set; } = [];

    public int MaxAttempts { get; set; } = 8;

    public double BaseDelaySeconds { get; set; } = 30;

    public double MaxDelaySeconds { get; set; } = 3600;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IReadOnlyList<string> Recipients => To.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public TimeSpan BackOff(int failedAttempts)
    {
        var seconds = BaseDelaySeconds * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 60));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxDelaySeconds));
    }
}
