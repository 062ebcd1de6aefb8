using Clientele.Leads.Ads;
using Clientele.Leads.Campaigns;
using Clientele.Leads.Channels;
using Clientele.Leads.Idempotency;
using Clientele.Leads.Leads;
using Clientele.Leads.Niches;
using Clientele.Leads.Spend;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Data;

/// <summary>
/// Seed 004's tables. Deleting a niche deletes its campaigns, their ads and spend (as the original's ON DELETE CASCADE);
/// leads stay, unattributed (SET NULL), with their conversations.
/// </summary>
public class LeadsDbContext(DbContextOptions<LeadsDbContext> options) : TenantDbContext(options)
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    public DbSet<Niche> Niches => Set<Niche>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Ad> Ads => Set<Ad>();
    public DbSet<SpendRecord> Spend => Set<SpendRecord>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<LeadMessage> Messages => Set<LeadMessage>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();
    public DbSet<ChannelSecrets> ChannelSecrets => Set<ChannelSecrets>();

    public override string ModuleName => LeadsModule.Name;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Niche>(e =>
        {
            e.ToTable("leads_niches");
            e.Property(n => n.Name).HasMaxLength(MaxNameLength);
            e.Property(n => n.Category).HasMaxLength(100);
            e.Property(n => n.Description).HasMaxLength(MaxTextLength);
            e.Property(n => n.Status).HasMaxLength(20);
            e.Property(n => n.CplTarget).HasPrecision(18, 2);
            e.Property(n => n.RoiTarget).HasPrecision(18, 2);
        });
        modelBuilder.Entity<Campaign>(e =>
        {
            e.ToTable("leads_campaigns");
            e.Property(c => c.Name).HasMaxLength(MaxNameLength);
            e.Property(c => c.Platform).HasMaxLength(20);
            e.Property(c => c.Status).HasMaxLength(20);
            e.Property(c => c.Budget).HasPrecision(18, 2);
            e.HasOne<Niche>().WithMany().HasForeignKey(c => c.NicheId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Ad>(e =>
        {
            e.ToTable("leads_ads");
            e.Property(a => a.Title).HasMaxLength(MaxNameLength);
            e.Property(a => a.Url).HasMaxLength(2000);
            e.Property(a => a.ExternalId).HasMaxLength(200);
            e.Property(a => a.Status).HasMaxLength(20);
            e.Property(a => a.Price).HasPrecision(18, 2);
            e.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SpendRecord>(e =>
        {
            e.ToTable("leads_spend");
            e.Property(s => s.Amount).HasPrecision(18, 2);
            e.Property(s => s.Note).HasMaxLength(MaxNameLength);
            e.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Ad>().WithMany().HasForeignKey(s => s.AdId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Lead>(e =>
        {
            e.ToTable("leads_leads");
            e.Property(l => l.Name).HasMaxLength(MaxNameLength);
            e.Property(l => l.Phone).HasMaxLength(40);
            e.Property(l => l.PhoneE164).HasMaxLength(20);
            e.Property(l => l.Source).HasMaxLength(20);
            e.Property(l => l.PlatformUserId).HasMaxLength(200);
            e.Property(l => l.Budget).HasPrecision(18, 2);
            e.Property(l => l.Notes).HasMaxLength(MaxTextLength);
            e.Property(l => l.Status).HasMaxLength(20);
            e.HasIndex(l => new { l.OrganizationId, l.PhoneE164 });
            e.HasIndex(l => new { l.OrganizationId, l.Source, l.PlatformUserId });
            e.HasOne<Ad>().WithMany().HasForeignKey(l => l.AdId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Campaign>().WithMany().HasForeignKey(l => l.CampaignId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Niche>().WithMany().HasForeignKey(l => l.NicheId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<LeadMessage>(e =>
        {
            e.ToTable("leads_messages");
            e.Property(m => m.Message).HasMaxLength(MaxTextLength);
            e.Property(m => m.Sender).HasMaxLength(20);
            e.Property(m => m.Platform).HasMaxLength(20);
            e.Property(m => m.Step).HasMaxLength(20);
            e.Property(m => m.PlatformMessageId).HasMaxLength(200);
            e.Property(m => m.DeliveryStatus).HasMaxLength(16);
            e.Property(m => m.DeliveryError).HasMaxLength(DeliveryStatuses.MaxErrorLength);
            e.HasIndex(m => new { m.OrganizationId, m.Platform, m.PlatformMessageId }).IsUnique();
            e.HasIndex(m => new { m.LeadId, m.CreatedAt });
            e.HasOne<Lead>().WithMany().HasForeignKey(m => m.LeadId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StatusChange>(e =>
        {
            e.ToTable("leads_status_changes");
            e.Property(c => c.FromStatus).HasMaxLength(20);
            e.Property(c => c.ToStatus).HasMaxLength(20);
            e.Property(c => c.ChangedBy).HasMaxLength(10);
            e.Property(c => c.Via).HasMaxLength(20);
            e.Property(c => c.Actor).HasMaxLength(StatusActor.MaxActorLength);
            e.HasIndex(c => new { c.LeadId, c.ChangedAt });
            e.HasOne<Lead>().WithMany().HasForeignKey(c => c.LeadId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<IdempotencyKey>(e =>
        {
            e.ToTable("leads_idempotency_keys");
            e.Property(k => k.Key).HasMaxLength(IdempotencyKey.MaxLength);
            e.Property(k => k.Fingerprint).HasMaxLength(64);
            e.HasIndex(k => new { k.OrganizationId, k.Key }).IsUnique();
            e.HasIndex(k => new { k.OrganizationId, k.CreatedAt });
        });
        modelBuilder.Entity<ChannelSecrets>(e =>
        {
            e.ToTable("leads_channel_secrets");
            e.Property(s => s.TelegramSecretTokenHash).HasMaxLength(64);
            e.Property(s => s.WhatsAppVerifyTokenHash).HasMaxLength(64);
            e.Property(s => s.WhatsAppAppSecret).HasMaxLength(2000);
            e.Property(s => s.TelegramBotToken).HasMaxLength(2000);
            e.Property(s => s.WhatsAppAccessToken).HasMaxLength(4000);
            e.HasIndex(s => s.OrganizationId).IsUnique();
        });
        base.OnModelCreating(modelBuilder);
    }
}
