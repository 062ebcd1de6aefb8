using Clientele.Platform.Tenancy;

namespace Clientele.Platform.Identity;

/// <summary>Operators run the installation: admins whose own organization is the default one. They may act for any organization.</summary>
public static class Operators
{
    public static bool Is(User user, DefaultOrganization defaults) => user.Role == Role.Admin && user.OrganizationId == defaults.Id;
}
