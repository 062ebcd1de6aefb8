using Clientele.Platform.Data;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Clientele.Platform.Jobs;

public class JobsDbContext(DbContextOptions options, TenantContext tenant) : TenantDbContext(options, tenant)
{
    public const string Name = "jobs";

    public DbSet<Job> Jobs => Set<Job>();

    public override string ModuleName => Name;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Job>(e =>
        {
            e.ToTable("jobs_jobs");
            e.Property(j => j.Kind).HasMaxLength(100);
            e.Property(j => j.Module).HasMaxLength(64);
            e.Property(j => j.Status).HasMaxLength(16);
            e.Property(j => j.Message).HasMaxLength(500);
            e.Property(j => j.LeaseOwner).HasMaxLength(200);
            e.Property(j => j.Version).IsConcurrencyToken();
            e.HasIndex(j => new { j.Status, j.RunAfter });
            e.HasIndex(j => new { j.OrganizationId, j.CreatedAt });
            e.Ignore(j => j.IsFinished);
        });
        base.OnModelCreating(modelBuilder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Job>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version++;
        }
    }
}

/// <summary>
/// SQLite cannot compare or order <c>DateTimeOffset</c> in SQL, so every job timestamp is stored as UTC ticks (INTEGER);
/// the claim's SQL compares the same numbers.
/// </summary>
public sealed class SqliteJobsDbContext(DbContextOptions<SqliteJobsDbContext> options, TenantContext tenant) : JobsDbContext(options, tenant)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Job>(e =>
        {
            e.Property(j => j.RunAfter).HasConversion(SqliteTime.UtcTicks);
            e.Property(j => j.LeaseExpiresAt).HasConversion(SqliteTime.UtcTicks);
            e.Property(j => j.CreatedAt).HasConversion(SqliteTime.UtcTicks);
            e.Property(j => j.StartedAt).HasConversion(SqliteTime.UtcTicks);
            e.Property(j => j.FinishedAt).HasConversion(SqliteTime.UtcTicks);
            e.Property(j => j.UpdatedAt).HasConversion(SqliteTime.UtcTicks);
        });
    }
}

public sealed class PostgresJobsDbContext(DbContextOptions<PostgresJobsDbContext> options, TenantContext tenant) : JobsDbContext(options, tenant);

public sealed class SqliteJobsDesignFactory : IDesignTimeDbContextFactory<SqliteJobsDbContext>
{
    public SqliteJobsDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteJobsDbContext>(JobsDbContext.Name), DesignTime.NoTenant);
}

public sealed class PostgresJobsDesignFactory : IDesignTimeDbContextFactory<PostgresJobsDbContext>
{
    public PostgresJobsDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresJobsDbContext>(JobsDbContext.Name), DesignTime.NoTenant);
}
