using System.Security.Claims;
using Clientele.Platform.Identity;

namespace Clientele.Churn.Auth;

/// <summary>
/// What a caller may do in churn, from whichever credential it brought. The seed's two roles: risk analysts work with customers,
/// predictions and alerts; model managers train, promote and roll back models. Seeing e-mail and phone unmasked is a permission
/// of its own (<c>view_pii</c>).
/// <list type="bullet">
/// <item>A churn token carries them as claims (<see cref="RoleClaim"/>, <see cref="PiiClaim"/>), set at login from the user's role.</item>
/// <item>A dashboard session: admin = both roles and PII; analyst = risk analyst; viewer = reads, masked.</item>
/// <item>An API key: <c>churn:write</c> (or <c>*:write</c>) = both roles and PII, for integrations that must reach the customer; a read key reads, masked.</item>
/// </list>
/// </summary>
public sealed record ChurnPermissions(bool RiskAnalyst, bool ModelManager, bool ViewPii)
{
    public const string RoleClaim = "churn_role";
    public const string PiiClaim = "churn_pii";
    public const string RiskAnalystRole = "risk_analyst";
    public const string ModelManagerRole = "model_manager";

    public static ChurnPermissions ForRole(string role) => role switch
    {
        Role.Admin => new(true, true, true),
        Role.Analyst => new(true, false, false),
        _ => new(false, false, false),
    };

    public static ChurnPermissions Of(ClaimsPrincipal user)
    {
        if (user.HasClaim(c => c.Type == RoleClaim || c.Type == PiiClaim))
        {
            return new(user.HasClaim(RoleClaim, RiskAnalystRole), user.HasClaim(RoleClaim, ModelManagerRole), user.HasClaim(PiiClaim, "true"));
        }
        if (user.FindFirst(ClaimTypes.Role)?.Value is { } role)
        {
            return ForRole(role);
        }
        var write = ModuleAccess.Allows(user, ChurnModule.Name, Access.Write);
        return new(write, write, write);
    }

    public IEnumerable<string> Roles()
    {
        if (RiskAnalyst)
        {
            yield return RiskAnalystRole;
        }
        if (ModelManager)
        {
            yield return ModelManagerRole;
        }
    }
}
