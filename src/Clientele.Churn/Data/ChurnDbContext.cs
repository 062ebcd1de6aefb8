using Clientele.Churn.Alerts;
using Clientele.Churn.Auth;
using Clientele.Churn.Customers;
using Clientele.Churn.Models;
using Clientele.Churn.Predictions;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Churn.Data;

public class ChurnDbContext(DbContextOptions<ChurnDbContext> options) : TenantDbContext(options)
{
    public DbSet<ChurnCustomer> Customers => Set<ChurnCustomer>();
    public DbSet<RiskHistoryEntry> RiskHistory => Set<RiskHistoryEntry>();
    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();
    public DbSet<ChurnAlert> Alerts => Set<ChurnAlert>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public override string ModuleName => ChurnModule.Name;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ChurnCustomer>(e =>
        {
            e.ToTable("churn_customers");
            e.Property(c => c.Name).HasMaxLength(CustomerInput.MaxNameLength);
            e.Property(c => c.Email).HasMaxLength(CustomerInput.MaxEmailLength);
            e.Property(c => c.Phone).HasMaxLength(CustomerInput.MaxPhoneLength);
            e.Property(c => c.SearchText).HasMaxLength(CustomerInput.MaxNameLength + CustomerInput.MaxEmailLength + CustomerInput.MaxPhoneLength + 2);
            e.Property(c => c.ModelVersion).HasMaxLength(32);
            e.HasIndex(c => new { c.OrganizationId, c.Email }).IsUnique();
            e.HasIndex(c => new { c.OrganizationId, c.RiskScore });
        });
        modelBuilder.Entity<RiskHistoryEntry>(e =>
        {
            e.ToTable("churn_risk_history");
            e.Property(r => r.ModelVersion).HasMaxLength(32);
            e.Property(r => r.Source).HasMaxLength(16);
            e.HasIndex(r => new { r.OrganizationId, r.CustomerId, r.Timestamp });
            e.HasIndex(r => new { r.OrganizationId, r.Day });
            e.HasOne<ChurnCustomer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ModelVersion>(e =>
        {
            e.ToTable("churn_model_versions");
            e.Property(m => m.Version).HasMaxLength(32);
            e.HasIndex(m => new { m.OrganizationId, m.Version }).IsUnique();
        });
        modelBuilder.Entity<ChurnAlert>(e =>
        {
            e.ToTable("churn_alerts");
            e.Property(a => a.AlertType).HasMaxLength(32);
            e.HasIndex(a => new { a.OrganizationId, a.CreatedAt });
            e.HasIndex(a => new { a.OrganizationId, a.CustomerId, a.AlertType, a.CreatedAt });
        });
        modelBuilder.Entity<SigningKey>(e =>
        {
            e.ToTable("churn_signing_keys");
            e.HasIndex(k => k.OrganizationId).IsUnique();
        });
        modelBuilder.Entity<RefreshToken>(e =>
        {
            e.ToTable("churn_refresh_tokens");
            e.HasIndex(t => new { t.OrganizationId, t.FamilyId });
        });
        base.OnModelCreating(modelBuilder);
    }
}
