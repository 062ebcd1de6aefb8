using Clientele.Platform.Data;
using Clientele.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Clientele.Platform.Tests.Tenancy.InMemoryPlatformDatabase;

namespace Clientele.Platform.Tests.Tenancy;

/// <summary>
/// Module contexts come from a pool (<see cref="ModuleDatabaseRegistration.AddModuleDbContext{TContext}"/>): the context one
/// organization's scope gave back serves the next scope as that scope's organization, with nothing of the first left in it.
/// </summary>
public sealed class PooledContextTests : IDisposable
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();

    private readonly SqliteConnection _keepAlive;
    private readonly ServiceProvider _services;

    public PooledContextTests()
    {
        var connectionString = $"Data Source=pooled-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        _keepAlive = new SqliteConnection(connectionString);
        _keepAlive.Open();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Clientele"] = connectionString }).Build());
        services.AddScoped<TenantContext>();
        services.AddSingleton<DatabaseSettingsAccessor>();
        services.AddModuleDbContext<PlatformDbContext>("platform");
        _services = services.BuildServiceProvider();
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.Migrate();
    }

    public void Dispose()
    {
        _services.Dispose();
        _keepAlive.Dispose();
    }

    private (IServiceScope Scope, PlatformDbContext Db) ScopeFor(Guid organization)
    {
        var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        return (scope, scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    [Fact]
    public async Task A_context_given_back_by_one_organizations_scope_serves_the_next_scope_as_its_organization_only()
    {
        var (first, ofA) = ScopeFor(A);
        ofA.Users.Add(NewUser("a@example.kz"));
        ofA.ChangeTracker.AutoDetectChangesEnabled = false;
        await ofA.SaveChangesAsync();
        ofA.Users.Add(NewUser("unsaved@example.kz"));
        first.Dispose();

        var (second, ofB) = ScopeFor(B);
        using (second)
        {
            Assert.Same(ofA, ofB);
            Assert.Equal(B, ofB.CurrentOrganizationId);
            Assert.Empty(ofB.ChangeTracker.Entries());
            Assert.True(ofB.ChangeTracker.AutoDetectChangesEnabled);
            Assert.Empty(await ofB.Users.ToListAsync());
            ofB.Users.Add(NewUser("b@example.kz"));
            await ofB.SaveChangesAsync();
        }

        var (third, again) = ScopeFor(A);
        using (third)
        {
            Assert.Equal(["a@example.kz"], await again.Users.Select(u => u.Email).ToListAsync());
        }
    }

    [Fact]
    public async Task A_context_rented_without_a_scopes_organization_sees_no_rows_and_saves_none()
    {
        var (scope, ofA) = ScopeFor(A);
        using (scope)
        {
            ofA.Users.Add(NewUser("a@example.kz"));
            await ofA.SaveChangesAsync();
        }

        await using var bare = _services.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContext();
        Assert.Null(bare.Tenant);
        Assert.Empty(await bare.Users.ToListAsync());
        bare.Users.Add(NewUser("nobody@example.kz"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => bare.SaveChangesAsync());
    }
}
