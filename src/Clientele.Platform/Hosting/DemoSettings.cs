using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Clientele.Platform;

/// <summary>
/// Demo data and the demo admin exist by default in Development only. Elsewhere the operator must turn them on with
/// <c>Clientele:Demo:Enabled=true</c>, and then the server refuses to start with the published password.
/// </summary>
public static class DemoSettings
{
    public const string EnabledKey = "Clientele:Demo:Enabled";
    public const string PasswordKey = "Clientele:Demo:AdminPassword";
    public const string AdminEmail = "admin@clientele.local";
    public const string PublishedPassword = "clientele-demo";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(EnabledKey) ?? environment.IsDevelopment();

    public static string AdminPassword(IConfiguration configuration) =>
        configuration[PasswordKey] is { Length: > 0 } password ? password : PublishedPassword;

    /// <summary>Anyone who read the README knows the published password, so it may only guard a development machine.</summary>
    public static void ThrowIfUnsafe(IConfiguration configuration, IHostEnvironment environment)
    {
        if (IsEnabled(configuration, environment) && !environment.IsDevelopment() && AdminPassword(configuration) == PublishedPassword)
        {
            throw new InvalidOperationException(
                $"{EnabledKey} is true in the {environment.EnvironmentName} environment while {PasswordKey} is the published default " +
                $"'{PublishedPassword}', which anyone can read. Set {PasswordKey} (environment variable Clientele__Demo__AdminPassword) " +
                $"to a password of your own, or remove {EnabledKey} to start without demo data.");
        }
    }

    public const string FirstAdminHint =
        "No user exists yet. Create the first admin with: Clientele.Server user add <email> '<password of 8+ characters>' --role admin " +
        "(from the source tree: dotnet run --project src/Clientele.Server -- user add <email> '<password>' --role admin).";
}
