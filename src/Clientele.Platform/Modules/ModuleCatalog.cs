using Clientele.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Clientele.Platform.Modules;

/// <summary>Every registered module, and which one answers for a request (its endpoint, else the longest path base that owns the path).</summary>
public sealed class ModuleCatalog(IEnumerable<ModuleDefinition> definitions, IConfiguration configuration)
{
    public const string PlatformName = "platform";

    public IReadOnlyList<ModuleDescriptor> Modules { get; } = definitions
        .Select(d => new ModuleDescriptor(d.Name, d.Title,
            ModuleDescriptor.NormalizePathBase(configuration[$"Clientele:Modules:{d.Name}:PathBase"], d.Name), d.Errors, d.AnonymousInDevelopment))
        .ToList();

    public ModuleDescriptor Get(string name) =>
        Modules.FirstOrDefault(m => m.Name == name) ?? throw new InvalidOperationException($"Module '{name}' is not registered.");

    public ModuleDescriptor? ForRequest(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ModuleDescriptor>() is { } owner)
        {
            return owner;
        }
        var path = context.Request.Path.Value ?? "/";
        return Modules.Where(m => m.Owns(path)).OrderByDescending(m => m.PathBase.Length).FirstOrDefault();
    }

    public ErrorShape ErrorsFor(HttpContext context) => ForRequest(context)?.Errors ?? FastApiErrorShape.Instance;
}
