using System.Security.Claims;
using Clientele.Visitors.Data;

namespace Clientele.Visitors.Privacy;

public static class Audit
{
    public const string Viewed = "viewed";
    public const string Changed = "changed";
    public const string Deleted = "deleted";
    public const string Merged = "merged";
    public const string Split = "split";
    public const string Expired = "expired";
    public const string MarkedStaff = "marked_staff";
    public const string UnmarkedStaff = "unmarked_staff";

    /// <summary>Adds an audit row, saved with the next SaveChanges.</summary>
    public static void Record(VisitorsDbContext db, ClaimsPrincipal user, string action, Guid? personId) =>
        db.Audit.Add(new AuditEntry
        {
            Action = action, PersonId = personId, At = DateTimeOffset.UtcNow,
            Actor = Truncate(user.FindFirst(ClaimTypes.NameIdentifier)?.Value + " " + user.Identity?.Name),
        });

    private static string Truncate(string text) => text.Length > 200 ? text[..200] : text;
}
