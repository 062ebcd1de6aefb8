namespace Clientele.Banking.Offers.Push;

public enum PushSeverity
{
    Warning,
    Error,
}

/// <summary>One rule of P01–P23 that a text breaks.</summary>
public sealed record PushFinding(string Rule, PushSeverity Severity, string Message);
