using Clientele.Platform.Tenancy;
using Clientele.Retail.Products;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Data;

public class RetailDbContext(DbContextOptions<RetailDbContext> options, TenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<Product> Products => Set<Product>();

    public override string ModuleName => RetailModule.Name;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>(e =>
        {
            e.ToTable("retail_products");
            e.HasIndex(p => new { p.OrganizationId, p.Sku }).IsUnique();
            e.Property(p => p.Name).HasMaxLength(ProductEndpoints.MaxNameLength);
            e.Property(p => p.Category).HasMaxLength(ProductEndpoints.MaxLabelLength);
            e.Property(p => p.Brand).HasMaxLength(ProductEndpoints.MaxLabelLength);
            e.Property(p => p.Price).HasPrecision(18, 2);
        });
        base.OnModelCreating(modelBuilder);
    }
}
