namespace Clientele.Leads.Channels;

/// <summary>A message to a lead on the platform it wrote from: a Telegram chat id, or a WhatsApp number with the business number's id.</summary>
public sealed record ChannelReply(string Platform, string Recipient, string Text, string? BusinessNumberId = null);

/// <summary>What one attempt to send gave: sent, or an error and whether trying again can help.</summary>
public sealed record SendOutcome(bool Sent, string? Error = null, bool Permanent = false)
{
    public static readonly SendOutcome Success = new(true);
}

/// <summary>Sends the bot's replies out to Telegram or WhatsApp with a token (the organization's own or the server-wide one).</summary>
public interface IChannelReplies
{
    /// <summary>One attempt; failures are answered, never thrown (cancellation aside).</summary>
    Task<SendOutcome> SendAsync(ChannelReply reply, string token, CancellationToken cancellationToken);
}
