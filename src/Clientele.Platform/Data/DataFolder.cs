using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Clientele.Platform.Data;

/// <summary>
/// <c>Clientele:DataFolder</c>: where the service keeps its files (export files under <c>exports/</c>), never the app's own
/// folder. Default: the SQLite database's folder; on PostgreSQL <c>./data</c>. Relative paths are relative to the working
/// directory, like the SQLite file's.
/// </summary>
public sealed class DataFolder(IConfiguration configuration, DatabaseSettingsAccessor database)
{
    private readonly Lazy<string> _path = new(() =>
    {
        if (configuration["Clientele:DataFolder"] is { Length: > 0 } configured)
        {
            return System.IO.Path.GetFullPath(configured);
        }
        var settings = database.Settings;
        var file = settings.Provider == DatabaseProvider.Sqlite ? new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource : "";
        return file is { Length: > 0 } and not ":memory:" && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file)) is { Length: > 0 } folder
            ? folder
            : System.IO.Path.GetFullPath("data");
    });

    public string Path => _path.Value;

    /// <summary>A folder of the data folder (<paramref name="folder"/> may be absolute, then it is used as is).</summary>
    public string Combine(string folder) => System.IO.Path.GetFullPath(folder, Path);
}
