using Clientele.Platform.Tenancy;
using Clientele.Retail.Customers;
using Clientele.Retail.Import;
using Clientele.Retail.Products;
using Clientele.Retail.Rules;
using Clientele.Retail.Sales;
using Clientele.Retail.Segments;
using Clientele.Retail.Timeframe;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Data;

/// <summary>
/// Clustr's tables. Rows refer to each other by their public numbers within the organization (customer_id, product_sku, …),
/// and the database keeps the references: composite foreign keys on (organization, number) that refuse a delete still referred
/// to, except a transaction's sales lines, which go with it.
/// </summary>
public class RetailDbContext(DbContextOptions<RetailDbContext> options) : TenantDbContext(options)
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<TimeframeDay> Timeframe => Set<TimeframeDay>();
    public DbSet<RetailTransaction> Transactions => Set<RetailTransaction>();
    public DbSet<Sale> Sales => Set<Sale>();
    public DbSet<RetailImport> Imports => Set<RetailImport>();
    public DbSet<RetailImportFile> ImportFiles => Set<RetailImportFile>();
    public DbSet<MiningRun> MiningRuns => Set<MiningRun>();
    public DbSet<MinedRule> MinedRules => Set<MinedRule>();
    public DbSet<CustomerSegmentProfile> SegmentProfiles => Set<CustomerSegmentProfile>();

    public override string ModuleName => RetailModule.Name;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>(e =>
        {
            e.ToTable("retail_products");
            e.HasAlternateKey(p => new { p.OrganizationId, p.Sku });
            e.Property(p => p.Name).HasMaxLength(ProductEndpoints.MaxNameLength);
            e.Property(p => p.Category).HasMaxLength(ProductEndpoints.MaxLabelLength);
            e.Property(p => p.Brand).HasMaxLength(ProductEndpoints.MaxLabelLength);
            e.Property(p => p.Price).HasPrecision(18, 2);
            e.HasIndex(p => new { p.OrganizationId, p.Category });
        });
        modelBuilder.Entity<Customer>(e =>
        {
            e.ToTable("retail_customers");
            e.HasAlternateKey(c => new { c.OrganizationId, c.CustomerId });
            e.Property(c => c.FirstName).HasMaxLength(CustomerInput.MaxNameLength);
            e.Property(c => c.LastName).HasMaxLength(CustomerInput.MaxNameLength);
            e.Property(c => c.Gender).HasMaxLength(20);
            e.Property(c => c.Email).HasMaxLength(CustomerInput.MaxEmailLength);
            e.Property(c => c.Phone).HasMaxLength(CustomerInput.MaxPhoneLength);
            e.Property(c => c.City).HasMaxLength(CustomerInput.MaxLabelLength);
            e.Property(c => c.IncomeLevel).HasMaxLength(20);
            e.Property(c => c.ShoppingPreference).HasMaxLength(CustomerInput.MaxLabelLength);
            e.Property(c => c.CustomerSegment).HasMaxLength(CustomerInput.MaxLabelLength);
        });
        modelBuilder.Entity<TimeframeDay>(e =>
        {
            e.ToTable("retail_timeframe");
            e.HasAlternateKey(t => new { t.OrganizationId, t.TimeId });
            e.HasIndex(t => new { t.OrganizationId, t.Date }).IsUnique();
        });
        modelBuilder.Entity<RetailTransaction>(e =>
        {
            e.ToTable("retail_transactions");
            e.HasAlternateKey(t => new { t.OrganizationId, t.TransactionId });
            e.Property(t => t.Amount).HasPrecision(18, 2);
            e.Property(t => t.LinesTotal).HasPrecision(20, 2);
            e.Property(t => t.Channel).HasMaxLength(20);
            e.Property(t => t.PaymentType).HasMaxLength(20);
            e.HasOne<Customer>().WithMany().HasForeignKey(t => new { t.OrganizationId, t.CustomerId })
                .HasPrincipalKey(c => new { c.OrganizationId, c.CustomerId }).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<TimeframeDay>().WithMany().HasForeignKey(t => new { t.OrganizationId, t.TimeId })
                .HasPrincipalKey(d => new { d.OrganizationId, d.TimeId }).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Sale>(e =>
        {
            e.ToTable("retail_sales");
            e.HasAlternateKey(s => new { s.OrganizationId, s.SaleId });
            e.Property(s => s.UnitPrice).HasPrecision(18, 2);
            e.Property(s => s.LineTotal).HasPrecision(20, 2);
            e.HasOne<RetailTransaction>().WithMany().HasForeignKey(s => new { s.OrganizationId, s.TransactionId })
                .HasPrincipalKey(t => new { t.OrganizationId, t.TransactionId }).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Product>().WithMany().HasForeignKey(s => new { s.OrganizationId, s.ProductSku })
                .HasPrincipalKey(p => new { p.OrganizationId, p.Sku }).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<RetailImport>(e =>
        {
            e.ToTable("retail_imports");
            e.Property(i => i.Mode).HasMaxLength(20);
            e.Property(i => i.Status).HasMaxLength(20);
        });
        modelBuilder.Entity<RetailImportFile>(e =>
        {
            e.ToTable("retail_import_files");
            e.Property(f => f.Name).HasMaxLength(260);
            e.HasOne<RetailImport>().WithMany().HasForeignKey(f => f.ImportId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MiningRun>(e =>
        {
            e.ToTable("retail_mining_runs");
            e.HasAlternateKey(r => new { r.OrganizationId, r.RunId });
            e.Property(r => r.Status).HasMaxLength(20);
            e.Property(r => r.Channel).HasMaxLength(StartMiningRun.MaxLabelLength);
            e.Property(r => r.City).HasMaxLength(StartMiningRun.MaxLabelLength);
            e.Property(r => r.CustomerSegment).HasMaxLength(StartMiningRun.MaxLabelLength);
        });
        modelBuilder.Entity<MinedRule>(e =>
        {
            e.ToTable("retail_rules");
            e.HasOne<MiningRun>().WithMany().HasForeignKey(r => r.MiningRunId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.MiningRunId, r.Lift });
        });
        modelBuilder.Entity<CustomerSegmentProfile>(e =>
        {
            e.ToTable("retail_segment_profiles");
            e.Property(p => p.Label).HasMaxLength(100);
            e.Property(p => p.MeanMonetary).HasPrecision(20, 2);
            e.Property(p => p.MedianMonetary).HasPrecision(20, 2);
            e.Property(p => p.Revenue).HasPrecision(20, 2);
        });
        base.OnModelCreating(modelBuilder);
    }
}
