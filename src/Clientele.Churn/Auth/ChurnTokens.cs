using System.Security.Claims;
using Clientele.Churn.Data;
using Clientele.Platform.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Clientele.Churn.Auth;

/// <summary>
/// Issues the seed's pair of JWTs, as djangorestframework-simplejwt does (HS256, <c>token_type</c> access or refresh, <c>jti</c>,
/// <c>user_id</c>), and checks refresh tokens. The access token carries what churn needs to authorize without a lookup: the
/// organization, the module scope and the churn roles; it opens churn only.
/// </summary>
public sealed class ChurnTokens(SigningKeys keys, TimeProvider time, IOptions<ChurnOptions> options)
{
    public const string Issuer = "clientele";
    public const string Audience = "clientele:churn";
    public const string TokenTypeClaim = "token_type";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public sealed record Pair(string Access, string Refresh);

    public static TokenValidationParameters Validation(SigningKeys keys) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        IssuerSigningKeyResolver = (_, _, keyId, _) => keys.Find(keyId) is { } key ? [key] : [],
        NameClaimType = "email",
    };

    public async Task<Pair> IssueAsync(ChurnDbContext db, Guid userId, string email, string role, Guid familyId, CancellationToken cancellationToken)
    {
        var key = await keys.ForAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        var permissions = ChurnPermissions.ForRole(role);
        var access = new Dictionary<string, object>
        {
            [TokenTypeClaim] = "access",
            ["user_id"] = userId.ToString(),
            ["email"] = email,
            [ModuleAccess.OrganizationClaim] = db.CurrentOrganizationId.ToString(),
            [ModuleAccess.ScopeClaim] = permissions.RiskAnalyst || permissions.ModelManager
                ? new[] { $"{ChurnModule.Name}:read", $"{ChurnModule.Name}:write" } : new[] { $"{ChurnModule.Name}:read" },
            [ChurnPermissions.RoleClaim] = permissions.Roles().ToArray(),
            [ChurnPermissions.PiiClaim] = permissions.ViewPii ? "true" : "false",
        };
        var refreshId = Guid.NewGuid();
        var refreshExpires = now.AddHours(options.Value.RefreshTokenHours);
        db.RefreshTokens.Add(new RefreshToken { Id = refreshId, UserId = userId, FamilyId = familyId, CreatedAt = now, ExpiresAt = refreshExpires });
        await db.SaveChangesAsync(cancellationToken);
        var refresh = new Dictionary<string, object>
        {
            [TokenTypeClaim] = "refresh",
            ["user_id"] = userId.ToString(),
            [ModuleAccess.OrganizationClaim] = db.CurrentOrganizationId.ToString(),
        };
        return new Pair(
            Create(key, userId, access, now, now.AddMinutes(options.Value.AccessTokenMinutes), Guid.NewGuid()),
            Create(key, userId, refresh, now, refreshExpires, refreshId));
    }

    /// <summary>The claims of a well-signed, unexpired refresh token, or null.</summary>
    public async Task<ClaimsIdentity?> ReadRefreshAsync(string token)
    {
        var result = await Handler.ValidateTokenAsync(token, Validation(keys));
        return result.IsValid && result.ClaimsIdentity.FindFirst(TokenTypeClaim)?.Value == "refresh" ? result.ClaimsIdentity : null;
    }

    private static string Create(SymmetricSecurityKey key, Guid userId, Dictionary<string, object> claims, DateTimeOffset now, DateTimeOffset expires, Guid id)
    {
        claims[JwtRegisteredClaimNames.Sub] = userId.ToString();
        claims[JwtRegisteredClaimNames.Jti] = id.ToString("N");
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
