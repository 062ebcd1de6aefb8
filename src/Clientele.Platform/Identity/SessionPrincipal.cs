using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Clientele.Platform.Identity;

/// <summary>The claims of a cookie session, for the API login and the dashboard alike.</summary>
public static class SessionPrincipal
{
    public static ClaimsPrincipal For(User user, Guid organizationId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Name, user.Email),
        new Claim(ClaimTypes.Role, user.Role),
        new Claim(ModuleAccess.OrganizationClaim, organizationId.ToString()),
        new Claim(StampClaim, user.SessionStamp),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    public const string StampClaim = "session_stamp";

    public static Guid? OrganizationOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(ModuleAccess.OrganizationClaim)?.Value, out var id) ? id : null;

    public static Guid? UserIdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;
}
