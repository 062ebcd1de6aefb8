using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Platform.Jobs;

public class JobsDbContext(DbContextOptions<JobsDbContext> options) : TenantDbContext(options)
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
