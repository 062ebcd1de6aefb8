using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Clientele.Platform.Identity;

public enum Access
{
    Read,
    Write,
}

public sealed record ModuleAccessRequirement(string Module, Access Access) : IAuthorizationRequirement;

/// <summary>
/// Users pass by role; API keys and anonymous development callers pass by scope (<c>banking:read</c>, <c>banking:write</c>, <c>*:write</c>).
/// Write implies read.
/// </summary>
public sealed class ModuleAccess : AuthorizationHandler<ModuleAccessRequirement>
{
    public const string OrganizationClaim = "org";
    public const string ScopeClaim = "scope";

    public static string PolicyName(string module, Access access) => $"{module}:{access.ToString().ToLowerInvariant()}";

    public static bool IsValidScope(string scope, IEnumerable<string> modules)
    {
        var parts = scope.Split(':');
        return parts.Length == 2 && parts[1] is "read" or "write" && (parts[0] == "*" || modules.Contains(parts[0]));
    }

    public static bool Allows(ClaimsPrincipal user, string module, Access access)
    {
        if (user.FindFirst(OrganizationClaim) is null)
        {
            return false;
        }
        if (user.FindFirst(ClaimTypes.Role)?.Value is { } role)
        {
            return access == Access.Read || Role.CanWrite(role);
        }
        var scopes = user.FindAll(ScopeClaim).Select(c => c.Value).ToHashSet();
        return scopes.Contains($"{module}:write") || scopes.Contains("*:write")
            || access == Access.Read && (scopes.Contains($"{module}:read") || scopes.Contains("*:read"));
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ModuleAccessRequirement requirement)
    {
        if (Allows(context.User, requirement.Module, requirement.Access))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
