namespace Clientele.Leads;

/// <summary><c>Clientele:Leads</c>.</summary>
public sealed class LeadsOptions
{
    /// <summary>A contact from the same phone within this many days joins the open lead instead of making a second.</summary>
    public int DuplicateWindowDays { get; set; } = 30;

    /// <summary>How long an <c>Idempotency-Key</c> answers with its first response (1–720).</summary>
    public int IdempotencyHours { get; set; } = 24;

    /// <summary>Attempts to send a reply to Telegram or WhatsApp before it is <c>failed</c> (1–100); the back-off is the platform's job retry.</summary>
    public int ReplyAttempts { get; set; } = 6;

    public TelegramOptions Telegram { get; set; } = new();

    public WhatsAppOptions WhatsApp { get; set; } = new();
}

public sealed class TelegramOptions
{
    /// <summary>The <c>secret_token</c> given to setWebhook; Telegram sends it as <c>X-Telegram-Bot-Api-Secret-Token</c>. Unset: the webhook answers 403.</summary>
    public string? SecretToken { get; set; }

    public string? BotToken { get; set; }

    public string ApiBase { get; set; } = "https://api.telegram.org";
}

public sealed class WhatsAppOptions
{
    /// <summary>The Meta app secret that signs notifications (<c>X-Hub-Signature-256</c>). Unset: the webhook answers 403.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The verify token of the GET handshake (<c>hub.verify_token</c>).</summary>
    public string? VerifyToken { get; set; }

    public string? AccessToken { get; set; }

    /// <summary>The business number replies go out from when a message did not come through the webhook (which names its own).</summary>
    public string? PhoneNumberId { get; set; }

    public string ApiBase { get; set; } = "https://graph.facebook.com/v21.0";
}
