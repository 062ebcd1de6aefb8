using Clientele.Banking.Recommendations;
using Clientele.Platform.Data;
using Clientele.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests;

/// <summary>Export files go under the data folder (beside the SQLite file, or Clientele:DataFolder), never into the app's folder.</summary>
public sealed class DataFolderTests
{
    public sealed class ByDefault(SqliteServer server) : IClassFixture<SqliteServer>
    {
        [Fact]
        public void Exports_live_beside_the_sqlite_database()
        {
            var database = new SqliteConnectionStringBuilder(server.Services.GetRequiredService<IConfiguration>().GetConnectionString("Clientele")).DataSource;

            var folder = server.Services.GetRequiredService<RecommendationExports>().Folder;

            Assert.Equal(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database))!, "exports"), folder);
            Assert.False(folder.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal), $"{folder} is in the app's folder");
        }
    }

    public sealed class Configured(ConfiguredDataFolderServer server) : IClassFixture<ConfiguredDataFolderServer>
    {
        [Fact]
        public void Exports_live_in_the_configured_data_folder()
        {
            Assert.Equal(server.Folder, server.Services.GetRequiredService<DataFolder>().Path);
            Assert.Equal(Path.Combine(server.Folder, "exports"), server.Services.GetRequiredService<RecommendationExports>().Folder);
        }
    }

    public sealed class ConfiguredDataFolderServer : ClienteleFactory
    {
        public ConfiguredDataFolderServer() : base(DatabaseKind.Postgres) => Settings["Clientele:DataFolder"] = Folder;

        public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"clientele-data-{Guid.NewGuid():N}");
    }
}
