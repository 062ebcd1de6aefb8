using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Platform.Tenancy;

/// <summary>
/// Base of every module's DbContext: a global query filter limits each query to the current organization,
/// and saving stamps new rows with it and refuses to touch another organization's rows.
/// </summary>
public abstract class TenantDbContext(DbContextOptions options, TenantContext tenant) : DbContext(options)
{
    public Guid CurrentOrganizationId => tenant.OrganizationId;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IOrganizationOwned).IsAssignableFrom(e.ClrType)))
        {
            var row = Expression.Parameter(entity.ClrType, "row");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(row, nameof(IOrganizationOwned.OrganizationId)),
                    Expression.Property(Expression.Constant(this), nameof(CurrentOrganizationId))),
                row);
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(filter);
            modelBuilder.Entity(entity.ClrType).HasIndex(nameof(IOrganizationOwned.OrganizationId));
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void GuardTenant()
    {
        foreach (var entry in ChangeTracker.Entries<IOrganizationOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            if (!tenant.HasOrganization)
            {
                throw new InvalidOperationException("No organization is set for this scope; nothing can be saved.");
            }
            if (entry.State == EntityState.Added && entry.Entity.OrganizationId == Guid.Empty)
            {
                entry.Entity.OrganizationId = tenant.OrganizationId;
            }
            var original = entry.State == EntityState.Added ? entry.Entity.OrganizationId : entry.OriginalValues.GetValue<Guid>(nameof(IOrganizationOwned.OrganizationId));
            if (original != tenant.OrganizationId || entry.Entity.OrganizationId != tenant.OrganizationId)
            {
                throw new InvalidOperationException("A row of another organization cannot be written.");
            }
        }
    }
}
