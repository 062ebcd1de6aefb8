using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Banking.Pages;

/// <summary>A banking component that uses scoped services (the recommendation service, the job queue) for the page's organization.</summary>
public abstract class ServicePage : ComponentBase
{
    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = null!;

    [Inject]
    private TenantContext Tenant { get; set; } = null!;

    /// <summary>A scope of its own per call: a circuit's components may run at the same time, which one DbContext does not allow.</summary>
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
