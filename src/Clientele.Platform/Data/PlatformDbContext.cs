using Clientele.Platform.Identity;
using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Platform.Data;

public class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : TenantDbContext(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>The Data Protection key ring every instance reads when no Redis is configured.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override string ModuleName => "platform";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Organization>(e =>
        {
            e.ToTable("platform_organizations");
            e.Property(o => o.Slug).HasMaxLength(64);
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.TimeZone).HasMaxLength(64);
            e.HasIndex(o => o.Slug).IsUnique();
        });
        modelBuilder.Entity<User>(e =>
        {
            e.ToTable("platform_users");
            e.Property(u => u.Email).HasMaxLength(320);
            e.Property(u => u.Role).HasMaxLength(16);
            e.Property(u => u.SessionStamp).HasMaxLength(64);
            e.HasIndex(u => u.Email).IsUnique();
        });
        modelBuilder.Entity<ApiKey>(e =>
        {
            e.ToTable("platform_api_keys");
            e.Property(k => k.Name).HasMaxLength(200);
            e.Property(k => k.Prefix).HasMaxLength(16);
            e.Property(k => k.SecretHash).HasMaxLength(64);
            e.Property(k => k.Scopes).HasMaxLength(1000);
            e.HasIndex(k => k.Prefix).IsUnique();
            e.Ignore(k => k.ScopeList);
        });
        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("platform_data_protection_keys"));
        base.OnModelCreating(modelBuilder);
    }
}
