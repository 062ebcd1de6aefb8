using Clientele.Platform.Identity;
using Clientele.Platform.RateLimits;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;

namespace Clientele.Churn.Auth;

public static class ChurnAuthentication
{
    public const string Scheme = "ChurnJwt";

    /// <summary>
    /// <c>Authorization: Bearer &lt;jwt&gt;</c> (anything but an API key) goes to churn's JWT scheme; the token's claims then make the
    /// caller's organization and churn scope, as a key's would. Login is throttled to 10 a minute per IP.
    /// </summary>
    public static IServiceCollection AddChurnAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<SigningKeys>();
        services.AddScoped<ChurnTokens>();
        services.AddSingleton(new TokenScheme(Scheme, Claims));
        services.AddSingleton(new RateLimitDefault(ChurnModule.Name, AuthEndpoints.LoginPolicy, new RateLimitRule(10, 60, RateLimitPartitioning.Ip)));
        services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<SigningKeys>((options, keys) =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = ChurnTokens.Validation(keys);
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    var identity = (ClaimsIdentity)context.Principal!.Identity!;
                    if (identity.FindFirst(ChurnTokens.TokenTypeClaim)?.Value != "access")
                    {
                        context.Fail("Not an access token");
                        return Task.CompletedTask;
                    }
                    identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, identity.FindFirst("sub")?.Value ?? ""));
                    return Task.CompletedTask;
                },
                // The error middleware writes the seed's body; the header still says why, as RFC 6750 asks.
                OnChallenge = _ => Task.CompletedTask,
            };
        });
        services.AddAuthorizationBuilder().AddChurnPolicies();
        return services;
    }

    private static bool Claims(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && !authorization.StartsWith("Bearer ck_", StringComparison.Ordinal);
    }
}
