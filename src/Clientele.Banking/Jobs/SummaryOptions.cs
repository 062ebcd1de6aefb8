namespace Clientele.Banking.Jobs;

/// <summary><c>Clientele:Banking:Summaries</c>.</summary>
public sealed class SummaryOptions
{
    /// <summary>A pause between clients, to keep the database load of a refresh down.</summary>
    public int PauseMs { get; set; }
}
