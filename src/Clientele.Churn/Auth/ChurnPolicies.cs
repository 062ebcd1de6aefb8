using Microsoft.AspNetCore.Authorization;

namespace Clientele.Churn.Auth;

/// <summary>The seed's two roles as authorization policies (see <see cref="ChurnPermissions"/>).</summary>
public static class ChurnPolicies
{
    public const string RiskAnalyst = "churn:risk_analyst";
    public const string ModelManager = "churn:model_manager";

    public static AuthorizationBuilder AddChurnPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(RiskAnalyst, p => p.RequireAssertion(c => ChurnPermissions.Of(c.User).RiskAnalyst && Allowed(c)))
        .AddPolicy(ModelManager, p => p.RequireAssertion(c => ChurnPermissions.Of(c.User).ModelManager && Allowed(c)));

    private static bool Allowed(AuthorizationHandlerContext context) =>
        Platform.Identity.ModuleAccess.Allows(context.User, ChurnModule.Name, Platform.Identity.Access.Write);
}
