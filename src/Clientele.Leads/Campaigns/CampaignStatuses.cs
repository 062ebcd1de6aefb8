namespace Clientele.Leads.Campaigns;

/// <summary>
/// draft → active | failed; active → paused | completed | failed; paused → active | completed | failed; completed and failed
/// are final. Setting the status a campaign already has changes nothing and is allowed.
/// </summary>
public static class CampaignStatuses
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Draft, Active, Paused, Completed, Failed];

    private static readonly Dictionary<string, string[]> Next = new()
    {
        [Draft] = [Active, Failed],
        [Active] = [Paused, Completed, Failed],
        [Paused] = [Active, Completed, Failed],
        [Completed] = [],
        [Failed] = [],
    };

    public static bool CanMove(string from, string to) => from == to || Next[from].Contains(to);

    public static IReadOnlyList<string> From(string status) => Next[status];
}
