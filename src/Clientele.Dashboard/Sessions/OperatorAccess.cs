using Clientele.Platform.Data;
using Clientele.Platform.Identity;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Dashboard;

/// <summary>
/// Operators run the installation: admins whose own organization is the default one. They may act for any organization
/// (the session's <c>org</c> claim changes, the user does not); everyone else acts for their own organization only.
/// </summary>
public static class OperatorAccess
{
    public static async Task<bool> IsOperatorAsync(PlatformDbContext db, DefaultOrganization defaults, Guid? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return false;
        }
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is not null && Operators.Is(user, defaults);
    }
}
