using Clientele.Churn.Data;
using Clientele.Churn.Shared;
using Clientele.Platform.Data;
using Clientele.Platform.Identity;
using Clientele.Platform.RateLimits;
using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Clientele.Churn.Auth;

/// <summary>The seed's JWT login and refresh, with rotation: a refresh token is good once, and a reused one revokes its whole login.</summary>
public static class AuthEndpoints
{
    public const string LoginPolicy = "login";
    public const string InvalidCredentials = "No active account found with the given credentials";
    public const string InvalidToken = "Token is invalid or expired";

    public sealed record LoginRequest(string? Username = null, string? Password = null, string? Email = null);

    public sealed record RefreshRequest(string? Refresh = null);

    public sealed record TokenPair(string Access, string Refresh);

    public static void Map(RouteGroupBuilder churn)
    {
        var auth = churn.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous();
        auth.MapPost("/login/", LoginAsync).WithName("ChurnLogin").WithRateLimitPolicy(LoginPolicy)
            .Accepts<LoginRequest>("application/json", "application/x-www-form-urlencoded")
            .WithSummary("Exchanges a username (the user's e-mail) and password for an access token (15 min) and a refresh token (1 day); 10 tries a minute per IP.");
        auth.MapPost("/refresh/", RefreshAsync).WithName("ChurnRefresh").WithRateLimitPolicy(LoginPolicy)
            .Accepts<RefreshRequest>("application/json", "application/x-www-form-urlencoded")
            .WithSummary("Exchanges a refresh token, once, for a new access token and a new refresh token.");
        auth.MapPost("/logout/", LogoutAsync).WithName("ChurnLogout")
            .Accepts<RefreshRequest>("application/json", "application/x-www-form-urlencoded")
            .WithSummary("Revokes the refresh token and every token of its login.");
    }

    public static async Task<IResult> LoginAsync(HttpContext context, PlatformDbContext platform, PasswordSignIn signIn, ChurnDbContext db,
        TenantContext tenant, ChurnTokens tokens)
    {
        var request = await RequestBody.ReadAsync<LoginRequest>(context);
        var username = request.Username ?? request.Email;
        var problems = new List<Platform.Errors.FieldError>();
        if (string.IsNullOrEmpty(username)) problems.Add(new(["body", "username"], "This field is required."));
        if (string.IsNullOrEmpty(request.Password)) problems.Add(new(["body", "password"], "This field is required."));
        if (problems.Count > 0)
        {
            return ChurnResults.Invalid(problems);
        }
        var user = username!.Length > 320 || request.Password!.Length > 1024 || username.Contains('\0')
            ? null : await signIn.FindAsync(platform, username, request.Password, context.RequestAborted);
        if (user is null)
        {
            return ChurnResults.Unauthorized(InvalidCredentials);
        }
        tenant.Use(user.OrganizationId);
        var pair = await tokens.IssueAsync(db, user.Id, user.Email, user.Role, familyId: Guid.NewGuid(), context.RequestAborted);
        return TypedResults.Ok(new TokenPair(pair.Access, pair.Refresh));
    }

    public static async Task<IResult> RefreshAsync(HttpContext context, PlatformDbContext platform, ChurnDbContext db, TenantContext tenant,
        ChurnTokens tokens, TimeProvider time)
    {
        var request = await RequestBody.ReadAsync<RefreshRequest>(context);
        if (string.IsNullOrEmpty(request.Refresh))
        {
            return ChurnResults.Invalid("refresh", "This field is required.");
        }
        if (await UseAsync(request.Refresh, db, tenant, tokens, time, context.RequestAborted) is not { } used)
        {
            return ChurnResults.Unauthorized(InvalidToken);
        }
        var user = await platform.Users.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == used.UserId && u.OrganizationId == used.OrganizationId && u.DisabledAt == null, context.RequestAborted);
        if (user is null)
        {
            return ChurnResults.Unauthorized(InvalidToken);
        }
        var pair = await tokens.IssueAsync(db, user.Id, user.Email, user.Role, used.FamilyId, context.RequestAborted);
        return TypedResults.Ok(new TokenPair(pair.Access, pair.Refresh));
    }

    public static async Task<IResult> LogoutAsync(HttpContext context, ChurnDbContext db, TenantContext tenant, ChurnTokens tokens, TimeProvider time)
    {
        var request = await RequestBody.ReadAsync<RefreshRequest>(context);
        if (string.IsNullOrEmpty(request.Refresh))
        {
            return ChurnResults.Invalid("refresh", "This field is required.");
        }
        if (await UseAsync(request.Refresh, db, tenant, tokens, time, context.RequestAborted) is not { } used)
        {
            return ChurnResults.Unauthorized(InvalidToken);
        }
        await RevokeFamilyAsync(db, used.FamilyId, time.GetUtcNow(), context.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Marks the refresh token used, once: of two callers with the same token only one gets it. A token that was used (or revoked)
    /// before is someone replaying it, so its whole family is revoked and neither the thief nor the owner can refresh again.
    /// </summary>
    private static async Task<RefreshToken?> UseAsync(string token, ChurnDbContext db, TenantContext tenant, ChurnTokens tokens, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var claims = token.Length > 4096 ? null : await tokens.ReadRefreshAsync(token);
        if (claims is null || !Guid.TryParse(claims.FindFirst(ModuleAccess.OrganizationClaim)?.Value, out var organization)
            || !Guid.TryParseExact(claims.FindFirst(JwtRegisteredClaimNames.Jti)?.Value, "N", out var id))
        {
            return null;
        }
        if (tenant.HasOrganization && tenant.OrganizationId != organization)
        {
            return null;
        }
        tenant.Use(organization);
        var now = time.GetUtcNow();
        var stored = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (stored is null || stored.ExpiresAt <= now)
        {
            return null;
        }
        var taken = stored.UsedAt is null && stored.RevokedAt is null && await db.RefreshTokens
            .Where(t => t.Id == id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken) == 1;
        if (!taken)
        {
            await RevokeFamilyAsync(db, stored.FamilyId, now, cancellationToken);
            return null;
        }
        return stored;
    }

    private static Task<int> RevokeFamilyAsync(ChurnDbContext db, Guid familyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
}
