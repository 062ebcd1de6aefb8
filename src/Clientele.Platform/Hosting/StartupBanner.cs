using System.Text;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clientele.Platform;

/// <summary>Tells a newcomer where everything is once the server listens.</summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:8000";
        address = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        Console.WriteLine(Compose(app, address));
    });

    private static string Compose(WebApplication app, string address)
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Clientele is running.");
        text.AppendLine($"  Dashboard:   {address}/");
        text.AppendLine(ApiDocs.Enabled(app) ? $"  API docs:    {address}/docs" : "  API docs:    off (Clientele:Docs:Enabled)");
        text.AppendLine($"  Health:      {address}/health/ready");
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules.Where(m => m.Name != ModuleCatalog.PlatformName))
        {
            text.AppendLine($"  {module.Name,-10}   {address}{(module.PathBase == "/" ? "" : module.PathBase)}  ({module.Title})");
        }
        text.AppendLine("Log in:");
        if (!app.Services.GetRequiredService<StartupState>().HasUsers)
        {
            text.AppendLine($"  {DemoSettings.FirstAdminHint}");
        }
        if (DemoSettings.IsEnabled(configuration, app.Environment))
        {
            // Only the published password is printed; an operator's own stays out of the console and the logs.
            var password = DemoSettings.AdminPassword(configuration);
            text.AppendLine($"  demo admin {DemoSettings.AdminEmail} / {(password == DemoSettings.PublishedPassword ? password : $"(the password in {DemoSettings.PasswordKey})")}");
        }
        text.AppendLine($"  POST {address}/platform/api/auth/login {{\"email\",\"password\"}} starts a session; then POST {address}/platform/api/keys makes an API key (header X-Api-Key).");
        if (app.Environment.IsDevelopment() && configuration.GetValue("Clientele:Auth:AnonymousInDevelopment", true))
        {
            text.AppendLine("  Development: banking, retail and leads also answer without credentials, as their seeds did (default organization).");
        }
        return text.ToString();
    }
}
