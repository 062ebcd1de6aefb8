using Clientele.Platform.Events.Email;
using Clientele.Platform.Events.Webhooks;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Platform.Events;

public class EventsDbContext(DbContextOptions<EventsDbContext> options) : TenantDbContext(options)
{
    public const string Name = "events";

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<EmailAlert> EmailAlerts => Set<EmailAlert>();

    public override string ModuleName => Name;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WebhookSubscription>(e =>
        {
            e.ToTable("events_webhook_subscriptions");
            e.Property(s => s.Url).HasMaxLength(2000);
            e.Property(s => s.EventTypes).HasMaxLength(2000);
            e.Property(s => s.Description).HasMaxLength(500);
            e.Property(s => s.Secret).HasMaxLength(1000);
            e.Ignore(s => s.EventTypeList);
        });
        modelBuilder.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("events_webhook_deliveries");
            e.Property(d => d.EventType).HasMaxLength(100);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.LastError).HasMaxLength(1000);
            // A re-dispatch after a crash finds the row and adds none.
            e.HasIndex(d => new { d.EventId, d.SubscriptionId }).IsUnique();
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
            e.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
            e.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EmailAlert>(e =>
        {
            e.ToTable("events_email_alerts");
            e.Property(a => a.EventType).HasMaxLength(100);
            e.Property(a => a.Subject).HasMaxLength(300);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.LastError).HasMaxLength(1000);
            e.HasIndex(a => a.EventId).IsUnique();
            e.HasIndex(a => new { a.Status, a.NextAttemptAt });
        });
        base.OnModelCreating(modelBuilder);
    }
}
