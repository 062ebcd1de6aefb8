using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clientele.Platform.Api;
using Clientele.Platform.Cli;
using Clientele.Platform.Data;
using Clientele.Platform.Errors;
using Clientele.Platform.Events;
using Clientele.Platform.Health;
using Clientele.Platform.Identity;
using Clientele.Platform.Jobs;
using Clientele.Platform.Modules;
using Clientele.Platform.Observability;
using Clientele.Platform.RateLimits;
using Clientele.Platform.Retention;
using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace Clientele.Platform;

/// <summary>What the composition root calls around the modules: services first, then the pipeline, then the platform's own endpoints.</summary>
public static class ClientelePlatform
{
    public static IServiceCollection AddClientelePlatform(this IServiceCollection services)
    {
        services.AddClienteleModule(ModuleCatalog.PlatformName, "accounts, API keys, health", FastApiErrorShape.Instance, anonymousInDevelopment: false);
        services.AddSingleton<ModuleCatalog>();
        services.AddSingleton<DefaultOrganization>();
        services.AddSingleton<StartupState>();
        services.AddScoped<TenantContext>();
        services.AddSingleton<DatabaseSettingsAccessor>();
        services.AddSingleton<DataFolder>();
        services.AddModuleDbContext<PlatformDbContext>(ModuleCatalog.PlatformName);
        services.AddClienteleDataProtection();
        services.AddClienteleForwardedHeaders();
        services.AddClienteleAuthentication();
        services.AddPlatformVerbs();
        services.AddHostedService<RouteOverlapCheck>();
        services.AddHostedService<SqliteCheckpoints>();
        services.AddClienteleHealthChecks();
        services.AddClienteleObservability();
        services.AddClienteleRateLimits();
        services.AddClienteleJobs();
        services.AddClienteleRetention();
        services.AddClienteleEvents();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        return services;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        // Missing or null values for non-nullable members are input errors, as in pydantic.
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }

    /// <summary>The client behind trusted proxies, HSTS, public redirects, request ids, module-shaped errors, body limits, authentication and the tenant, in that order.</summary>
    public static WebApplication UseClientelePlatform(this WebApplication app)
    {
        app.UseClienteleForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UsePublicRedirects();
        app.UseRequestIds();
        app.UseClienteleObservability();
        app.UseModuleErrors();
        app.UseRouting();
        app.UseBodySizeLimits();
        app.UseAuthentication();
        app.UseSessionWriteProtection();
        app.UseTenantResolution();
        app.UseClienteleRateLimits();
        app.UseAuthorization();
        app.UseClienteleEvents();
        return app;
    }

    public static WebApplication MapClientelePlatform(this WebApplication app)
    {
        var platform = app.MapModule(ModuleCatalog.PlatformName);
        AuthEndpoints.Map(platform);
        ApiKeyEndpoints.Map(platform);
        RetentionRegistration.MapRetention(platform);
        if (ApiDocs.Enabled(app))
        {
            app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
            app.MapScalarApiReference("/docs", options =>
            {
                options.Title = "Clientele API";
                options.AddDocuments(app.Services.GetRequiredService<ModuleCatalog>().Modules.Select(m => m.Name));
            }).AllowAnonymous();
        }
        app.MapClienteleHealth();
        app.MapClienteleJobs();
        app.MapClienteleEvents();
        app.MapClienteleObservability();
        return app;
    }

    /// <summary>Refuses unsafe demo settings, then migrations, the default organization, demo data for empty modules and the first-admin hint.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        DemoSettings.ThrowIfUnsafe(app.Configuration, app.Environment);
        await DatabaseMigrator.MigrateAllAsync(app.Services, cancellationToken);
        await PlatformBootstrap.EnsureDefaultOrganizationAsync(app.Services, cancellationToken);
        await PlatformBootstrap.FillDemoDataAsync(app.Services, cancellationToken);
        await PlatformBootstrap.CheckForUsersAsync(app.Services, cancellationToken);
    }
}
