using Microsoft.Extensions.AI;

namespace Clientele.Leads.Qualification;

/// <summary>The optional language-model hook: the model may rephrase the scripted reply to fit the lead's message, nothing more.</summary>
public static class LanguageModelPhrasing
{
    public static async Task<string> PhraseAsync(IChatClient chatClient, BotReply reply, string leadMessage, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var language = reply.Language == Language.Kazakh ? "Kazakh" : "Russian";
        List<ChatMessage> prompt =
        [
            new(ChatRole.System,
                $"You are a polite first-line sales assistant of a small business in Kazakhstan. Rephrase the scripted reply so it answers " +
                $"naturally to the client's message. Write in {language}, at most two sentences, keep the question's meaning, invent no prices or promises."),
            new(ChatRole.User, $"Client: {leadMessage}\nScripted reply: {reply.Text}"),
        ];
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var response = await chatClient.GetResponseAsync(prompt, cancellationToken: limit.Token);
            var text = response.Text?.Trim();
            return string.IsNullOrEmpty(text) ? reply.Text : text;
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return reply.Text;
        }
    }
}
