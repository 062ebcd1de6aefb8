using System.Security.Claims;
using System.Text.Encodings.Web;
using Clientele.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Identity;

/// <summary>Authenticates <c>X-Api-Key: ck_…</c> (or <c>Authorization: Bearer ck_…</c>) against the stored hashes.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PlatformDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    public static string? KeyFrom(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString().Trim();
        }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ck_", StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyFrom(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }
        var prefix = ApiKeySecrets.PrefixOf(key);
        var stored = prefix is null ? null : await db.ApiKeys.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        if (stored is null || stored.RevokedAt is not null || !ApiKeySecrets.Matches(key, stored.SecretHash))
        {
            return AuthenticateResult.Fail("Invalid API key");
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"apikey:{stored.Id}"),
            new(ClaimTypes.Name, stored.Name),
            new(ModuleAccess.OrganizationClaim, stored.OrganizationId.ToString()),
        };
        claims.AddRange(stored.ScopeList.Select(s => new Claim(ModuleAccess.ScopeClaim, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}
