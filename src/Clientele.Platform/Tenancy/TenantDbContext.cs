using System.Linq.Expressions;
using System.Text.Json;
using Clientele.Platform.Data;
using Clientele.Platform.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clientele.Platform.Tenancy;

/// <summary>
/// Base of every module's DbContext: a global query filter limits each query to the current organization,
/// and saving stamps new rows with it and refuses to touch another organization's rows.
/// Contexts are pooled (<see cref="Data.ModuleDatabaseRegistration"/>), so the organization is not a constructor argument: the
/// scope that rents a context hands it the scope's <see cref="TenantContext"/>. A context without one sees no rows and saves none.
/// </summary>
public abstract class TenantDbContext(DbContextOptions options) : DbContext(options)
{
    public TenantContext? Tenant { get; set; }

    // Disposing a pooled context gives it back to the pool: it must not carry this scope's organization to the next renter.
    public override void Dispose()
    {
        Tenant = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Tenant = null;
        return base.DisposeAsync();
    }

    public Guid CurrentOrganizationId => Tenant?.OrganizationId ?? Guid.Empty;

    /// <summary>
    /// Runs <paramref name="work"/> on this context over <paramref name="owner"/>'s connection and inside its open transaction, so
    /// both commit together; then this context gets its own connection back. The pool's reset keeps a connection a context does not
    /// own, so without that the next scope to rent this context would share <paramref name="owner"/>'s.
    /// </summary>
    public async Task InTransactionOfAsync(DbContext owner, Func<Task> work, CancellationToken cancellationToken)
    {
        var ownConnection = Database.GetConnectionString();
        Database.SetDbConnection(owner.Database.GetDbConnection());
        try
        {
            await Database.UseTransactionAsync(owner.Database.CurrentTransaction!.GetDbTransaction(), cancellationToken);
            await work();
        }
        finally
        {
            await Database.UseTransactionAsync(null, CancellationToken.None);
            Database.SetDbConnection(null, contextOwnsConnection: true);
            Database.SetConnectionString(ownConnection);
        }
    }

    /// <summary>The module this context belongs to; names its outbox table (<c>{module}_outbox</c>).</summary>
    public abstract string ModuleName { get; }

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    /// <summary>Queues an event for the current organization; it is stored by the next SaveChanges, with the change itself.</summary>
    public OutboxMessage Publish(string type, object payload)
    {
        var message = new OutboxMessage { Type = type, Payload = JsonSerializer.Serialize(payload, EventJson.Options) };
        Outbox.Add(message);
        return message;
    }

    /// <summary>
    /// The provider differences every module shares: SQLite stores instants as UTC ticks so SQL can compare them;
    /// PostgreSQL keeps <c>DateTime</c> (a wall-clock time without a zone) as <c>timestamp without time zone</c>.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable($"{ModuleName}_outbox");
            e.Property(m => m.Type).HasMaxLength(100);
            e.HasIndex(m => m.EventId).IsUnique();
            e.HasIndex(m => m.DispatchedAt);
        });
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
            if (Tenant is not { HasOrganization: true } tenant)
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
