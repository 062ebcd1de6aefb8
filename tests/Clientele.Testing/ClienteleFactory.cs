using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clientele.Platform.Data;
using Clientele.Platform.Identity;
using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Clientele.Testing;

/// <summary>
/// The real server (every module, the real pipeline) on a fresh database of the given kind (a copy of the migrated template unless
/// <see cref="Migrated"/> is false), without demo data.
/// The same API test classes run once per kind (Bitwarden's database switch).
/// </summary>
public class ClienteleFactory(DatabaseKind kind) : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public DatabaseKind Kind => kind;
    public CapturedLogs Logs { get; } = new();
    public string Environment { get; init; } = "Development";
    public Dictionary<string, string?> Settings { get; } = new() { ["Clientele:Demo:Enabled"] = "false" };

    /// <summary>False for a server that must apply every migration to an empty database itself; by default it starts on a migrated copy.</summary>
    public bool Migrated { get; init; } = true;

    public virtual async Task InitializeAsync()
    {
        _database = Migrated ? await TestDatabase.CreateMigratedAsync(kind) : await TestDatabase.CreateAsync(kind);
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Clientele:Database:Provider", _database!.Provider);
        builder.UseSetting("ConnectionStrings:Clientele", _database.ConnectionString);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(_ => { });
    }

    public async Task<Guid> CreateOrganizationAsync(string slug)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var organization = new Organization { Slug = $"{slug}-{Guid.NewGuid():N}"[..Math.Min(slug.Length + 9, 60)], Name = slug };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization.Id;
    }

    public async Task<string> CreateApiKeyAsync(Guid organizationId, params string[] scopes)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organizationId);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var (key, prefix, hash) = ApiKeySecrets.Generate();
        db.ApiKeys.Add(new ApiKey { Name = "test", Prefix = prefix, SecretHash = hash, Scopes = string.Join(' ', scopes) });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task CreateUserAsync(Guid organizationId, string email, string password, string role)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organizationId);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var user = new User { Email = email, PasswordHash = "", Role = role };
        user.PasswordHash = PasswordHashing.Hash(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    /// <summary>A client with the cookie session of a new user of <paramref name="organizationId"/> with <paramref name="role"/>.</summary>
    public async Task<(HttpClient Client, string Email)> SignedInAsync(
        Guid organizationId, string role, string password = "correct horse battery", string baseAddress = "http://localhost")
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.kz";
        await CreateUserAsync(organizationId, email, password, role);
        var session = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress) });
        var login = await session.PostAsJsonAsync("/platform/api/auth/login", new { email, password });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        return (session, email);
    }

    /// <summary>A client of a new organization that calls with an API key of the given scopes.</summary>
    public async Task<(HttpClient Client, Guid OrganizationId)> ClientForNewOrganizationAsync(string slug, params string[] scopes)
    {
        var organization = await CreateOrganizationAsync(slug);
        return (WithApiKey(await CreateApiKeyAsync(organization, scopes)), organization);
    }

    public HttpClient WithApiKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        return client;
    }

    public HttpClient WithBearer(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>For tests that only need one server and no database switch.</summary>
public sealed class SqliteServer() : ClienteleFactory(DatabaseKind.Sqlite);
