using Clientele.Platform.Data;
using Clientele.Platform.Identity;
using Clientele.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Platform.Tests.Tenancy;

/// <summary>The real platform schema in one in-memory SQLite database; every context opened on it shares the data.</summary>
internal sealed class InMemoryPlatformDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<PlatformDbContext> _options;

    public InMemoryPlatformDatabase()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<PlatformDbContext>().UseModuleDatabase(_connection, "platform").Options;
        using var db = Open(new TenantContext());
        db.Database.EnsureCreated();
    }

    public PlatformDbContext Open(TenantContext tenant) => new(_options) { Tenant = tenant };

    public PlatformDbContext OpenFor(Guid organizationId)
    {
        var tenant = new TenantContext();
        tenant.Use(organizationId);
        return Open(tenant);
    }

    public static User NewUser(string email) => new() { Email = email, PasswordHash = "hash", Role = Role.Viewer };

    public void Dispose() => _connection.Dispose();
}
