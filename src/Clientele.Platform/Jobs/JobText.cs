namespace Clientele.Platform.Jobs;

internal static class JobText
{
    public const int MaxMessageLength = 500;

    public static string Message(string text) => Cut(text, MaxMessageLength);

    public static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
