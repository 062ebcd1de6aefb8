using System.Reflection;
using Clientele.Dashboard.Components;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Clientele.Dashboard;

/// <summary>The dashboard at <c>/</c>: Blazor server rendering with interactive server components, MudBlazor, cookie sign-in.</summary>
public static class DashboardRegistration
{
    /// <summary>Razor components, MudBlazor, the circuit's tenant and the dashboard's access policy.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="modulePages">Assemblies of the modules whose <c>Pages/</c> the router must find.</param>
    public static IServiceCollection AddClienteleDashboard(this IServiceCollection services, params Assembly[] modulePages)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddMudServices();
        services.AddSingleton(new DashboardPages(modulePages));
        services.AddScoped<CircuitHandler, CircuitTenant>();
        services.AddScoped<TenantScopes>();
        services.AddAuthorizationBuilder().AddPolicy(DashboardAccess.Policy, DashboardAccess.Configure);
        services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, DashboardAccess.RedirectPagesToLogin);
        return services;
    }

    /// <summary>Antiforgery for the dashboard's forms; after authentication, before the endpoints. API endpoints carry no antiforgery metadata, so they are untouched.</summary>
    public static WebApplication UseClienteleDashboard(this WebApplication app)
    {
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapClienteleDashboard(this WebApplication app)
    {
        // In Development MapStaticAssets would add a GET catch-all for files missing from the build manifest; it hides every
        // POST-only route's 405 behind a 404 and serves the web root beyond the manifest.
        app.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies([.. app.Services.GetRequiredService<DashboardPages>().Assemblies]);
        SessionEndpoints.Map(app);
        return app;
    }
}

/// <summary>The module assemblies whose pages the dashboard serves, given by the composition root.</summary>
public sealed record DashboardPages(IReadOnlyList<Assembly> Assemblies);
