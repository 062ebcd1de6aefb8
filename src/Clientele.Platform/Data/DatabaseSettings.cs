using Microsoft.Extensions.Configuration;

namespace Clientele.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary><c>Clientele:Database:Provider</c> (Sqlite or Postgres) and <c>ConnectionStrings:Clientele</c>; SQLite defaults to <c>./data/clientele.db</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=data/clientele.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Clientele:Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        var provider = providerText.ToUpperInvariant() switch
        {
            "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Clientele:Database:Provider '{providerText}' is not supported; use Sqlite or Postgres."),
        };
        var connection = configuration.GetConnectionString("Clientele");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? DefaultSqlite
                : throw new InvalidOperationException("ConnectionStrings:Clientele is required for the Postgres provider.");
        }
        return new DatabaseSettings(provider, connection);
    }
}
