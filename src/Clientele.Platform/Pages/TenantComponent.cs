using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Pages;

/// <summary>The base of a module's dashboard components: services (a DbContext, the job queue) for the page's organization.</summary>
public abstract class TenantComponent : ComponentBase
{
    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = null!;

    [Inject]
    private TenantContext Tenant { get; set; } = null!;

    /// <summary>
    /// Runs <paramref name="work"/> in a scope of its own: an interactive page lives in a long circuit whose components may
    /// query at the same time, which one DbContext does not allow. The organization is the page's (the request's or the circuit's).
    /// </summary>
    protected async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Scopes.CreateAsyncScope();
        if (Tenant.HasOrganization)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(Tenant.OrganizationId);
        }
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
