using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform;

/// <summary>
/// <c>Clientele:PublicUrl</c>: the address clients use (behind a proxy, the proxy's). Documents and redirects name it, or
/// stay relative, but never repeat the request's <c>Host</c> header, which any caller may set.
/// </summary>
public static class PublicAddress
{
    public const string Key = "Clientele:PublicUrl";

    /// <summary>The configured public URL without a trailing slash, or null; a value that is not an absolute http(s) URL stops the start-up.</summary>
    public static string? Of(IConfiguration configuration)
    {
        if (configuration[Key] is not { Length: > 0 } value)
        {
            return null;
        }
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query)
            ? value.TrimEnd('/')
            : throw new InvalidOperationException($"{Key} must be an absolute http or https URL such as https://clientele.example.kz, not '{value}'.");
    }

    /// <summary>An absolute <c>Location</c> on the request's own host becomes the public URL's, or a path when none is configured.</summary>
    public static IApplicationBuilder UsePublicRedirects(this IApplicationBuilder app)
    {
        var publicUrl = Of(app.ApplicationServices.GetRequiredService<IConfiguration>());
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (Uri.TryCreate(context.Response.Headers.Location.ToString(), UriKind.Absolute, out var location)
                    && location.Scheme is "http" or "https"
                    && string.Equals(location.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers.Location = publicUrl + location.PathAndQuery + location.Fragment;
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
