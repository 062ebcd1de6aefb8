namespace Clientele.Leads.Channels;

/// <summary>A message to a lead on the platform it wrote from: a Telegram chat id, or a WhatsApp number with the business number's id.</summary>
public sealed record ChannelReply(string Platform, string Recipient, string Text, string? BusinessNumberId = null);

/// <summary>Sends the bot's (or a person's) replies out to Telegram or WhatsApp.</summary>
public interface IChannelReplies
{
    /// <summary>True when the platform accepted it; a failure is logged, never thrown (the reply is stored either way).</summary>
    Task<bool> SendAsync(ChannelReply reply, CancellationToken cancellationToken);
}
