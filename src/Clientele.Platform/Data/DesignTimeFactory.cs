using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Platform.Data;

/// <summary>Lets <c>dotnet ef</c> build a provider's context without the server; the connection string only shapes the SQL.</summary>
public static class DesignTime
{
    public static DbContextOptions<T> Sqlite<T>(string module) where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlite("Data Source=design.db", x => x.MigrationsHistoryTable($"__ef_migrations_{module}")).Options;

    public static DbContextOptions<T> Postgres<T>(string module) where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseNpgsql("Host=localhost;Database=design", x => x.MigrationsHistoryTable($"__ef_migrations_{module}")).Options;

    public static TenantContext NoTenant => new();
}
