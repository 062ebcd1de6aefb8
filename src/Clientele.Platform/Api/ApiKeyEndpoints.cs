using Clientele.Platform.Data;
using Clientele.Platform.Errors;
using Clientele.Platform.Identity;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Platform.Api;

public static class ApiKeyEndpoints
{
    public sealed record CreateApiKeyRequest(string Name, IReadOnlyList<string> Scopes);

    public sealed record ApiKeyView(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed record CreatedApiKey(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, string Key);

    public static void Map(RouteGroupBuilder platform)
    {
        var keys = platform.MapGroup("/api/keys").WithTags("API keys").RequireAuthorization(AuthenticationSetup.AdminPolicy);
        keys.MapGet("/", ListAsync).WithName("ListApiKeys");
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey");
        keys.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiKey");
    }

    public static async Task<Ok<List<ApiKeyView>>> ListAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.OrderBy(k => k.CreatedAt).Select(k => new ApiKeyView(k.Id, k.Name, k.Prefix, k.ScopeList, k.CreatedAt, k.RevokedAt)).ToList());
    }

    /// <summary>Creates a key for the caller's organization. The key is in this response only; it is stored hashed.</summary>
    public static async Task<Results<Created<CreatedApiKey>, JsonHttpResult<object>>> CreateAsync(
        CreateApiKeyRequest request, PlatformDbContext db, ModuleCatalog catalog, CancellationToken cancellationToken)
    {
        var problems = Validate(request, catalog);
        if (problems.Count > 0)
        {
            return FastApiErrorShape.Instance.Result(ApiError.Invalid(problems));
        }
        var (key, prefix, hash) = ApiKeySecrets.Generate();
        var stored = new ApiKey { Name = request.Name.Trim(), Prefix = prefix, SecretHash = hash, Scopes = string.Join(' ', request.Scopes.Distinct()) };
        db.ApiKeys.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/platform/api/keys/{stored.Id}", new CreatedApiKey(stored.Id, stored.Name, prefix, stored.ScopeList, stored.CreatedAt, key));
    }

    public static async Task<Results<NoContent, JsonHttpResult<object>>> RevokeAsync(Guid id, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return FastApiErrorShape.Instance.Result(ApiError.NotFound("API key not found"));
        }
        key.RevokedAt ??= DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static List<FieldError> Validate(CreateApiKeyRequest request, ModuleCatalog catalog)
    {
        var problems = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            problems.Add(new FieldError(["body", "name"], "Name must be 1 to 200 characters"));
        }
        if (request.Scopes is null || request.Scopes.Count == 0)
        {
            problems.Add(new FieldError(["body", "scopes"], "At least one scope is required, such as banking:read", "missing"));
        }
        else
        {
            var modules = catalog.Modules.Select(m => m.Name).ToList();
            problems.AddRange(request.Scopes.Select((s, i) => (s, i)).Where(x => !ModuleAccess.IsValidScope(x.s, modules))
                .Select(x => new FieldError(["body", "scopes", x.i], $"Unknown scope '{x.s}'; use <module>:read or <module>:write with a module of {string.Join(", ", modules)} or *")));
        }
        return problems;
    }
}
