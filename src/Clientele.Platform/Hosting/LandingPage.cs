using System.Net;
using System.Text;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Platform;

/// <summary>The front page until the dashboard lands: where each module lives and how to get in.</summary>
public static class LandingPage
{
    public static ContentHttpResult Render(ModuleCatalog catalog)
    {
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Clientele</title></head><body>");
        html.Append("<h1>Clientele</h1><p>Customer intelligence for banks, retailers, restaurants and marketing teams.</p><ul>");
        foreach (var module in catalog.Modules.Where(m => m.Name != ModuleCatalog.PlatformName))
        {
            html.Append($"<li><b>{WebUtility.HtmlEncode(module.Name)}</b> ({WebUtility.HtmlEncode(module.Title)}): <code>{WebUtility.HtmlEncode(module.PathBase)}</code></li>");
        }
        html.Append("</ul><p><a href=\"/docs\">API docs</a> · <a href=\"/health/ready\">health</a></p></body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
