using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Data;

/// <summary>A DbContext that migrations must bring up to date at start-up.</summary>
public sealed record ModuleDatabase(string Module, Type ContextType);

public static class ModuleDatabaseRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the provider configured when it is first resolved. Each provider has its
    /// own derived context (and so its own migrations); each module keeps its own migrations history table.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var history = $"__ef_migrations_{module}";
        services.AddDbContext<TSqlite>((sp, o) => o.UseSqlite(Settings(sp).ConnectionString, x => x.MigrationsHistoryTable(history)));
        services.AddDbContext<TPostgres>((sp, o) => o.UseNpgsql(Settings(sp).ConnectionString, x => x.MigrationsHistoryTable(history)));
        services.AddScoped<TContext>(sp => Settings(sp).Provider == DatabaseProvider.Sqlite ? sp.GetRequiredService<TSqlite>() : sp.GetRequiredService<TPostgres>());
        services.AddSingleton(new ModuleDatabase(module, typeof(TContext)));
        services.AddHealthChecks().AddDbContextCheck<TContext>($"database-{module}", tags: ["ready"]);
        return services;
    }

    private static DatabaseSettings Settings(IServiceProvider services) => services.GetRequiredService<DatabaseSettingsAccessor>().Settings;
}

/// <summary>The database settings, read once from configuration; creates the SQLite folder on first use.</summary>
public sealed class DatabaseSettingsAccessor(IConfiguration configuration)
{
    private readonly Lazy<DatabaseSettings> _settings = new(() =>
    {
        var settings = DatabaseSettings.From(configuration);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder) && file != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
        }
        return settings;
    });

    public DatabaseSettings Settings => _settings.Value;
}
