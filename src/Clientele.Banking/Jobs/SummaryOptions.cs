namespace Clientele.Banking.Jobs;

/// <summary><c>Clientele:Banking:Summaries</c>.</summary>
public sealed class SummaryOptions
{
    /// <summary>Clients per page: one read of their card payments and one transaction replacing their rows.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>A pause between pages, to keep the database load of a refresh down.</summary>
    public int PauseMs { get; set; }
}
