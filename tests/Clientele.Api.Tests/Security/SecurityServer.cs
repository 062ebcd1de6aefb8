using System.Net;
using System.Text.RegularExpressions;
using Clientele.Platform.Data;
using Clientele.Platform.Identity;
using Clientele.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Security;

/// <summary>A production server that counts password hash checks, with helpers to sign in and to change users behind a session's back.</summary>
public class SecurityServer : ClienteleFactory
{
    public const string Password = "long enough password";

    public SecurityServer(DatabaseKind kind) : base(kind)
    {
        Environment = "Production";
        // These tests sign in often; the login limit has tests of its own.
        Settings["Clientele:RateLimits:Modules:platform:Policies:login:PermitLimit"] = "0";
    }

    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<User>>(Hasher));
    }

    public Task<(HttpClient Client, string Email)> SessionAsync(Guid organization, string role, string baseAddress = "http://localhost") =>
        SignedInAsync(organization, role, Password, baseAddress);

    public async Task ChangeUserAsync(string email, Func<PlatformDbContext, IQueryable<User>, Task> change)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await change(db, db.Users.IgnoreQueryFilters().Where(u => u.Email == email));
    }

    /// <summary>The hidden fields (antiforgery token, form name) of the first form on a page.</summary>
    public static async Task<Dictionary<string, string>> HiddenFieldsAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return Regex.Matches(html, "<input[^>]*type=\"hidden\"[^>]*>")
            .Select(m => (Name: Regex.Match(m.Value, "name=\"([^\"]+)\"").Groups[1].Value, Value: Regex.Match(m.Value, "value=\"([^\"]*)\"").Groups[1].Value))
            .Where(f => f.Name.Length > 0)
            .DistinctBy(f => f.Name)
            .ToDictionary(f => f.Name, f => WebUtility.HtmlDecode(f.Value));
    }
}

public sealed class CountingHasher : PasswordHasher<User>
{
    private int _verifications;

    public int Verifications => _verifications;

    public override PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class SqliteSecurityServer() : SecurityServer(DatabaseKind.Sqlite);
