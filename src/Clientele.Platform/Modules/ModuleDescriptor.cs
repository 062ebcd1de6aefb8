using Clientele.Platform.Errors;

namespace Clientele.Platform.Modules;

/// <summary>What a module declares about itself at registration; its path base comes from configuration.</summary>
public sealed record ModuleDefinition(string Name, string Title, ErrorShape Errors, bool AnonymousInDevelopment);

/// <summary>What the platform must know of a module: its name, where its API lives, how its errors look, and whether its seed had auth.</summary>
public sealed record ModuleDescriptor(string Name, string Title, string PathBase, ErrorShape Errors, bool AnonymousInDevelopment)
{
    public bool Owns(string path) =>
        PathBase == "/" || path.Equals(PathBase, StringComparison.OrdinalIgnoreCase) || path.StartsWith(PathBase + "/", StringComparison.OrdinalIgnoreCase);

    public static string NormalizePathBase(string? configured, string name)
    {
        var value = string.IsNullOrWhiteSpace(configured) ? "/" + name : configured.Trim();
        if (!value.StartsWith('/'))
        {
            value = "/" + value;
        }
        return value.Length > 1 ? value.TrimEnd('/') : value;
    }
}
