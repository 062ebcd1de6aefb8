using Clientele.Platform.Identity;
using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Clientele.Dashboard;

/// <summary>
/// An interactive circuit has its own service scope, which the request's tenant resolution never sees. When the circuit
/// opens (before any of its components render) its organization is set from the signed-in user's <c>org</c> claim, so
/// every tenant-filtered DbContext of the circuit sees that organization's rows and nothing else.
/// </summary>
internal sealed class CircuitTenant(AuthenticationStateProvider authentication, TenantContext tenant) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (!tenant.HasOrganization && SessionPrincipal.OrganizationOf(state.User) is { } organization)
        {
            tenant.Use(organization);
        }
    }
}
