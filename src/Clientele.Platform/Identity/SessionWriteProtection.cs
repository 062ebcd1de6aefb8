using Clientele.Platform.Errors;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Identity;

/// <summary>
/// Browsers send the session cookie with cross-site requests too, so a write the cookie authenticates must come from this
/// site (multipart uploads and body-less POSTs need no CORS preflight). As Go's <c>net/http.CrossOriginProtection</c>:
/// <c>Sec-Fetch-Site</c>, when sent, must be <c>same-origin</c> or <c>none</c>; otherwise <c>Origin</c> (or <c>Referer</c>)
/// must name this host; a request with none of them is not a browser's and passes. API-key callers are not affected:
/// a page on another site cannot add a key header without CORS.
/// </summary>
public static class SessionWriteProtection
{
    public const string Refusal = "Cross-site request refused: a write signed in with the session cookie must come from this site's own pages (or use an API key).";

    public static IApplicationBuilder UseSessionWriteProtection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsSessionWrite(context) && !IsSameOrigin(context.Request))
        {
            var errors = context.RequestServices.GetRequiredService<ModuleCatalog>().ErrorsFor(context);
            await errors.WriteAsync(context, new ApiError(ErrorKind.Forbidden, Refusal));
            return;
        }
        await next(context);
    });

    private static bool IsSessionWrite(HttpContext context)
    {
        var method = context.Request.Method;
        return !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme };
    }

    public static bool IsSameOrigin(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site)
        {
            return site is "same-origin" or "none";
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            origin = request.Headers.Referer.ToString();
        }
        return origin.Length == 0 || NamesHost(origin, request.Host);
    }

    /// <summary>Whether an Origin (or Referer) URL names the same host and port as the request, default ports included.</summary>
    public static bool NamesHost(string url, HostString host)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !host.HasValue)
        {
            return false;
        }
        var port = host.Port ?? (uri.Scheme == "https" ? 443 : 80);
        return string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == port;
    }
}
