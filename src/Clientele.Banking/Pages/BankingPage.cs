using Clientele.Banking.Data;
using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Banking.Pages;

/// <summary>A banking dashboard page: reads through <see cref="BankingDbContext"/> for the organization the page acts for.</summary>
public abstract class BankingPage : ComponentBase
{
    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = null!;

    [Inject]
    private TenantContext Tenant { get; set; } = null!;

    /// <summary>
    /// Runs a query on a DbContext of its own: an interactive page lives in a long circuit whose components may query at
    /// the same time, which one DbContext does not allow. The tenant is the page's (the request's or the circuit's).
    /// </summary>
    protected async Task<T> QueryAsync<T>(Func<BankingDbContext, Task<T>> query)
    {
        await using var scope = Scopes.CreateAsyncScope();
        if (Tenant.HasOrganization)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(Tenant.OrganizationId);
        }
        return await query(scope.ServiceProvider.GetRequiredService<BankingDbContext>());
    }
}
