using Clientele.Platform.Errors;
using Clientele.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Clientele.Platform.Modules;

public static class ModuleRegistration
{
    /// <summary>Registers a module: its definition (the path base is read later from <c>Clientele:Modules:{name}:PathBase</c>), its OpenAPI document and its access policies.</summary>
    public static IServiceCollection AddClienteleModule(this IServiceCollection services,
        string name, string title, ErrorShape errors, bool anonymousInDevelopment)
    {
        services.AddSingleton(new ModuleDefinition(name, title, errors, anonymousInDevelopment));
        services.AddOpenApi(name, options => options.AddDocumentTransformer((document, context, _) =>
        {
            document.Info.Title = $"Clientele · {name} ({title})";
            // The generator names the host the document was asked on; only the configured public URL may appear.
            document.Servers = PublicAddress.Of(context.ApplicationServices.GetRequiredService<IConfiguration>()) is { } publicUrl
                ? [new OpenApiServer { Url = publicUrl }]
                : [];
            return Task.CompletedTask;
        }));
        services.AddAuthorizationBuilder()
            .AddPolicy(ModuleAccess.PolicyName(name, Access.Read), p => p.AddRequirements(new ModuleAccessRequirement(name, Access.Read)))
            .AddPolicy(ModuleAccess.PolicyName(name, Access.Write), p => p.AddRequirements(new ModuleAccessRequirement(name, Access.Write)));
        return services;
    }

    /// <summary>The route group every endpoint of a module hangs from: its path base, its OpenAPI document, read access by default.</summary>
    public static RouteGroupBuilder MapModule(this IEndpointRouteBuilder endpoints, string name)
    {
        var module = endpoints.ServiceProvider.GetRequiredService<ModuleCatalog>().Get(name);
        var group = endpoints.MapGroup(module.PathBase == "/" ? "" : module.PathBase)
            .WithGroupName(name)
            .WithMetadata(module);
        group.RequireAuthorization(ModuleAccess.PolicyName(name, Access.Read));
        return group;
    }

    public static TBuilder RequireWriteAccess<TBuilder>(this TBuilder builder, string module) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ModuleAccess.PolicyName(module, Access.Write));
}
