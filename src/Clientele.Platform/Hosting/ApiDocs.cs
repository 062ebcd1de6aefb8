using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Clientele.Platform;

/// <summary><c>Clientele:Docs:Enabled</c>: <c>/docs</c> and <c>/openapi/*</c>, anonymous when on; on in Development, off elsewhere unless set.</summary>
public static class ApiDocs
{
    public static bool Enabled(WebApplication app) => app.Configuration.GetValue("Clientele:Docs:Enabled", app.Environment.IsDevelopment());
}
