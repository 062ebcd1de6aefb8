namespace Clientele.Leads.Leads;

/// <summary>
/// new → contacted | qualified | hot | won | lost | spam; contacted → qualified | hot | won | lost | spam;
/// qualified → contacted | hot | won | lost | spam; hot → qualified | won | lost | spam; lost → contacted (reopened);
/// spam → new (not spam after all); won is final. Setting the status a lead already has changes nothing and is allowed.
/// </summary>
public static class LeadStatuses
{
    public const string New = "new";
    public const string Contacted = "contacted";
    public const string Qualified = "qualified";
    public const string Hot = "hot";
    public const string Won = "won";
    public const string Lost = "lost";
    public const string Spam = "spam";

    public static readonly IReadOnlyList<string> All = [New, Contacted, Qualified, Hot, Won, Lost, Spam];

    /// <summary>Statuses that count as having passed qualification (campaign stats' qualified_leads).</summary>
    public static readonly IReadOnlyList<string> ReachedQualification = [Qualified, Hot, Won];

    /// <summary>Statuses a repeat contact does not join: the lead is closed.</summary>
    public static readonly IReadOnlyList<string> Closed = [Won, Lost, Spam];

    private static readonly Dictionary<string, string[]> Next = new()
    {
        [New] = [Contacted, Qualified, Hot, Won, Lost, Spam],
        [Contacted] = [Qualified, Hot, Won, Lost, Spam],
        [Qualified] = [Contacted, Hot, Won, Lost, Spam],
        [Hot] = [Qualified, Won, Lost, Spam],
        [Won] = [],
        [Lost] = [Contacted],
        [Spam] = [New],
    };

    public static bool CanMove(string from, string to) => from == to || Next[from].Contains(to);

    public static IReadOnlyList<string> From(string status) => Next[status];

    /// <summary>How far along the funnel a status is, for a merge that keeps the furthest.</summary>
    public static int Rank(string status) => status switch
    {
        Won => 6,
        Hot => 5,
        Qualified => 4,
        Lost => 3,
        Contacted => 2,
        Spam => 1,
        _ => 0,
    };
}
