using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace Clientele.Platform.Data;

/// <summary>
/// One context class serves both providers: of the migrations and snapshots compiled for it, only those in the
/// namespace of the provider in use (<c>….Migrations.Sqlite</c> or <c>….Migrations.Postgres</c>) apply.
/// </summary>
#pragma warning disable EF1001 // MigrationsAssembly is internal API; its filter points are the supported way to scope migrations.
public sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private readonly Type _context = currentContext.Context.GetType();
    private readonly string _suffix = "." + (currentContext.Context.Database.IsSqlite() ? "Sqlite" : "Postgres");
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= new SortedList<string, TypeInfo>(
        base.Migrations.Where(m => OfProvider(m.Value)).ToDictionary(m => m.Key, m => m.Value));

    public override ModelSnapshot? ModelSnapshot => base.ModelSnapshot is { } snapshot && OfProvider(snapshot.GetType()) ? snapshot : FindSnapshot();

    private ModelSnapshot? FindSnapshot()
    {
        var type = Assembly.GetTypes().FirstOrDefault(t =>
            !t.IsAbstract && t.IsSubclassOf(typeof(ModelSnapshot)) && OfProvider(t) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == _context);
        return type is null ? null : (ModelSnapshot?)Activator.CreateInstance(type);
    }

    private bool OfProvider(Type type) => type.Namespace?.EndsWith(_suffix, StringComparison.Ordinal) == true;
}
#pragma warning restore EF1001
