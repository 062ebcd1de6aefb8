using Clientele.Platform.Tenancy;
using Clientele.Visitors.Carts;
using Clientele.Visitors.Devices;
using Clientele.Visitors.Persons;
using Clientele.Visitors.Privacy;
using Clientele.Visitors.Settings;
using Clientele.Visitors.Visits;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Visitors.Data;

public class VisitorsDbContext(DbContextOptions<VisitorsDbContext> options) : TenantDbContext(options)
{
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Exemplar> Exemplars => Set<Exemplar>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<Sighting> Sightings => Set<Sighting>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Cart> Carts => Set<Cart>();
    public DbSet<CartProduct> CartProducts => Set<CartProduct>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<VisitorSettings> Settings => Set<VisitorSettings>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public override string ModuleName => VisitorsModule.Name;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Person>(e =>
        {
            e.ToTable("visitors_persons");
            e.Property(p => p.FullName).HasMaxLength(PersonFields.MaxText);
            e.Property(p => p.PhoneNumber).HasMaxLength(32);
            e.Property(p => p.Image).HasMaxLength(200);
            e.Property(p => p.Gender).HasMaxLength(PersonFields.MaxText);
            e.Property(p => p.Emotion).HasMaxLength(PersonFields.MaxText);
            e.Property(p => p.BodyType).HasMaxLength(PersonFields.MaxText);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(p => new { p.OrganizationId, p.CreatedAt });
        });
        modelBuilder.Entity<Exemplar>(e =>
        {
            e.ToTable("visitors_exemplars");
            e.Property(x => x.Vector).HasMaxLength(PersonFields.Dimensions * sizeof(float));
            e.HasIndex(x => new { x.OrganizationId, x.PersonId });
            e.HasIndex(x => new { x.OrganizationId, x.AddedAt });
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Visit>(e =>
        {
            e.ToTable("visitors_visits");
            e.Property(v => v.Gender).HasMaxLength(PersonFields.MaxText);
            e.Property(v => v.Emotion).HasMaxLength(PersonFields.MaxText);
            e.Property(v => v.BodyType).HasMaxLength(PersonFields.MaxText);
            e.HasIndex(v => new { v.OrganizationId, v.EntryTime });
            e.HasIndex(v => new { v.OrganizationId, v.PersonId });
        });
        modelBuilder.Entity<Sighting>(e =>
        {
            e.ToTable("visitors_sightings");
            e.Property(s => s.Decision).HasMaxLength(16);
            e.Property(s => s.Reason).HasMaxLength(32);
            e.HasIndex(s => new { s.OrganizationId, s.At });
            e.HasIndex(s => new { s.OrganizationId, s.PersonId });
        });
        modelBuilder.Entity<Product>(e =>
        {
            e.ToTable("visitors_products");
            e.Property(p => p.Name).HasMaxLength(PersonFields.MaxText);
        });
        modelBuilder.Entity<Cart>(e =>
        {
            e.ToTable("visitors_carts");
            e.HasIndex(c => new { c.OrganizationId, c.PersonId });
        });
        modelBuilder.Entity<CartProduct>(e =>
        {
            e.ToTable("visitors_cart_products");
            e.HasIndex(c => new { c.OrganizationId, c.CartId });
            e.HasOne<Cart>().WithMany().HasForeignKey(c => c.CartId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Device>(e =>
        {
            e.ToTable("visitors_devices");
            e.Property(d => d.Name).HasMaxLength(PersonFields.MaxText);
            e.Property(d => d.KeyHash).HasMaxLength(64);
            e.HasIndex(d => d.KeyHash).IsUnique();
        });
        modelBuilder.Entity<VisitorSettings>(e =>
        {
            e.ToTable("visitors_settings");
            e.Property(s => s.PrivateKey).HasMaxLength(VisitorSettings.PrivateKeyLength);
            e.Property(s => s.BiometricMode).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.GalleryVersion).IsConcurrencyToken();
            e.Property(s => s.Metric).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(s => s.PrivateKey).IsUnique();
            e.HasIndex(s => s.OrganizationId).IsUnique();
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("visitors_audit");
            e.Property(a => a.Action).HasMaxLength(32);
            e.Property(a => a.Actor).HasMaxLength(200);
            e.HasIndex(a => new { a.OrganizationId, a.At });
        });
        base.OnModelCreating(modelBuilder);
    }
}
