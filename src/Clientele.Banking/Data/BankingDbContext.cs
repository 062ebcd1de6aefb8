using Clientele.Banking.Domain;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Banking.Data;

public class BankingDbContext(DbContextOptions<BankingDbContext> options) : TenantDbContext(options)
{
    public DbSet<BankClient> Clients => Set<BankClient>();
    public DbSet<CardTransaction> Transactions => Set<CardTransaction>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<ClientMonthlySpending> MonthlySpending => Set<ClientMonthlySpending>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<StoredPopulationStats> PopulationStats => Set<StoredPopulationStats>();
    public DbSet<StoredClientFeatures> ClientFeatures => Set<StoredClientFeatures>();

    public override string ModuleName => BankingModule.Name;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BankClient>(e =>
        {
            e.ToTable("banking_clients");
            e.HasIndex(c => new { c.OrganizationId, c.ClientCode }).IsUnique();
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Status).HasMaxLength(32);
            e.Property(c => c.City).HasMaxLength(100);
            e.Property(c => c.AvgMonthlyBalanceKzt).HasPrecision(18, 2);
        });
        modelBuilder.Entity<CardTransaction>(e =>
        {
            e.ToTable("banking_transactions");
            e.HasIndex(t => new { t.OrganizationId, t.ClientCode });
            e.Property(t => t.Category).HasMaxLength(100);
            e.Property(t => t.Currency).HasMaxLength(3);
            e.Property(t => t.Amount).HasPrecision(18, 2);
            e.Property(t => t.AmountKzt).HasPrecision(18, 2);
        });
        modelBuilder.Entity<Transfer>(e =>
        {
            e.ToTable("banking_transfers");
            e.HasIndex(t => new { t.OrganizationId, t.ClientCode });
            e.Property(t => t.Type).HasMaxLength(64);
            e.Property(t => t.Direction).HasMaxLength(3);
            e.Property(t => t.Currency).HasMaxLength(3);
            e.Property(t => t.Amount).HasPrecision(18, 2);
            e.Property(t => t.AmountKzt).HasPrecision(18, 2);
        });
        modelBuilder.Entity<ClientMonthlySpending>(e =>
        {
            e.ToTable("banking_client_monthly_spending");
            e.HasIndex(s => new { s.OrganizationId, s.ClientCode, s.Month, s.Category }).IsUnique();
            e.Property(s => s.Month).HasMaxLength(7);
            e.Property(s => s.Category).HasMaxLength(100);
            e.Property(s => s.AmountKzt).HasPrecision(18, 2);
        });
        modelBuilder.Entity<DataVersion>(e =>
        {
            e.ToTable("banking_data_versions");
            e.HasIndex(v => v.OrganizationId).IsUnique();
            e.Property(v => v.StatsBuilder).HasMaxLength(64);
        });
        modelBuilder.Entity<StoredPopulationStats>(e =>
        {
            e.ToTable("banking_population_stats");
            e.HasIndex(s => s.OrganizationId).IsUnique();
        });
        modelBuilder.Entity<StoredClientFeatures>(e =>
        {
            e.ToTable("banking_client_features");
            e.HasIndex(f => new { f.OrganizationId, f.ClientCode }).IsUnique();
        });
        base.OnModelCreating(modelBuilder);
    }
}
