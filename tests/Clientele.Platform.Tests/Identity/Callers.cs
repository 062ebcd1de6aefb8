using System.Security.Claims;
using Clientele.Platform.Identity;

namespace Clientele.Platform.Tests.Identity;

/// <summary>Principals as the authentication handlers build them: an organization claim, then a role (users) or scopes (API keys).</summary>
internal static class Callers
{
    private static readonly string Organization = Guid.NewGuid().ToString();

    public static ClaimsPrincipal UserWithRole(string role) =>
        Principal([new Claim(ModuleAccess.OrganizationClaim, Organization), new Claim(ClaimTypes.Role, role)]);

    public static ClaimsPrincipal KeyWithScopes(params string[] scopes) =>
        Principal([new Claim(ModuleAccess.OrganizationClaim, Organization), .. scopes.Select(s => new Claim(ModuleAccess.ScopeClaim, s))]);

    public static ClaimsPrincipal WithoutOrganization(params Claim[] claims) => Principal(claims);

    private static ClaimsPrincipal Principal(IEnumerable<Claim> claims) => new(new ClaimsIdentity(claims, "Test"));
}
