using Clientele.Platform.Data;
using Clientele.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Clientele.Platform.Tests.Data;

/// <summary>A SQLite database made before instants were stored as ticks keeps its times through the upgrade.</summary>
public sealed class SqliteInstantMigrationTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteInstantMigrationTests() => _connection.Open();

    [Theory]
    [InlineData("2026-11-23 18:11:56.1234567+00:00", "2026-11-23T18:11:56.1234567+00:00")]
    [InlineData("2026-11-23 18:11:56+00:00", "2026-11-23T18:11:56+00:00")]
    [InlineData("2026-11-23 23:11:56.12+05:00", "2026-11-23T18:11:56.12+00:00")]
    public async Task Text_instants_written_before_the_upgrade_read_back_as_the_same_instant(string stored, string expected)
    {
        await using var db = Open();
        await db.GetService<IMigrator>().MigrateAsync("20261123181135_Initial");
        var id = Guid.NewGuid();
        await db.Database.ExecuteSqlAsync($"INSERT INTO platform_organizations (Id, Slug, Name, TimeZone, CreatedAt) VALUES ({id.ToString().ToUpperInvariant()}, 'old', 'Old', 'Asia/Almaty', {stored})");

        await db.Database.MigrateAsync();

        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), organization.CreatedAt);
        Assert.Equal(TimeSpan.Zero, organization.CreatedAt.Offset);
        Assert.Equal(1, await db.Organizations.CountAsync(o => o.CreatedAt < DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).AddTicks(1)));
    }

    private PlatformDbContext Open() =>
        new(new DbContextOptionsBuilder<PlatformDbContext>().UseModuleDatabase(_connection, "platform").Options) { Tenant = new TenantContext() };

    public void Dispose() => _connection.Dispose();
}
