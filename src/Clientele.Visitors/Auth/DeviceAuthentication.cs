using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Clientele.Platform.Identity;
using Clientele.Platform.RateLimits;
using Clientele.Visitors.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clientele.Visitors.Auth;

/// <summary>
/// Cameras: an <c>X-Device-Key</c> header (a registered device), or the organization's private key in the form field
/// <c>organization_key</c> as the original camera client sends it. Either gives the organization and <c>visitors:write</c>
/// only, and a caller id (<c>device:…</c>) the rate limiter counts per device rather than per IP.
/// </summary>
public sealed class DeviceAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, VisitorsDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "VisitorsDevice";
    public const string KeyField = "organization_key";

    public static TokenScheme TokenScheme { get; } = new(SchemeName, Claims);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    /// <summary>A device key header, or a camera form POST without a session (a logged-in browser keeps its session).</summary>
    private static bool Claims(HttpRequest request) =>
        !string.IsNullOrWhiteSpace(request.Headers[RateLimitPartitions.DeviceKeyHeader])
        || (HttpMethods.IsPost(request.Method) && request.HasFormContentType
            && request.Path.Value?.EndsWith("/api/client/person/", StringComparison.Ordinal) == true
            && !request.Cookies.ContainsKey("clientele.session"));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[RateLimitPartitions.DeviceKeyHeader].ToString();
        if (!string.IsNullOrWhiteSpace(header))
        {
            var hash = Hash(header);
            var device = await db.Devices.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(d => d.KeyHash == hash, Context.RequestAborted);
            return device is null ? AuthenticateResult.Fail("Invalid device key") : Success($"device:{device.Id}", device.Name, device.OrganizationId);
        }
        if (!Request.HasFormContentType)
        {
            return AuthenticateResult.NoResult();
        }
        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(Context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return AuthenticateResult.NoResult();
        }
        var key = form[KeyField].ToString();
        if (key.Length is 0 or > 100)
        {
            return AuthenticateResult.NoResult();
        }
        var settings = await db.Settings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.PrivateKey == key, Context.RequestAborted);
        // An unknown key is not a failed login: the endpoint answers the seed's 400 on organization_key.
        return settings is null ? AuthenticateResult.NoResult() : Success($"device:key-{settings.Id}", KeyField, settings.OrganizationId);
    }

    private static AuthenticateResult Success(string id, string name, Guid organizationId)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, id),
            new Claim(ClaimTypes.Name, name),
            new Claim(ModuleAccess.OrganizationClaim, organizationId.ToString()),
            new Claim(ModuleAccess.ScopeClaim, $"{VisitorsModule.Name}:write"),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
