using Clientele.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Dashboard;

/// <summary>
/// A fresh service scope (so fresh DbContexts) acting for the current organization. A circuit lives long and its
/// components may query at the same time, which one DbContext does not allow.
/// </summary>
public sealed class TenantScopes(IServiceScopeFactory factory, TenantContext tenant)
{
    public Guid OrganizationId => tenant.OrganizationId;

    public AsyncServiceScope Open()
    {
        var scope = factory.CreateAsyncScope();
        if (tenant.HasOrganization)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant.OrganizationId);
        }
        return scope;
    }
}
