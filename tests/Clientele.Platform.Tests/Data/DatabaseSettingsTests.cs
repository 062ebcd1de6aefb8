using Clientele.Platform.Data;
using Microsoft.Extensions.Configuration;

namespace Clientele.Platform.Tests.Data;

public sealed class DatabaseSettingsTests
{
    private static IConfiguration Configuration(string? provider = null, string? connection = null)
    {
        var values = new Dictionary<string, string?>();
        if (provider is not null)
        {
            values["Clientele:Database:Provider"] = provider;
        }
        if (connection is not null)
        {
            values["ConnectionStrings:Clientele"] = connection;
        }
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    [Fact]
    public void Nothing_configured_means_sqlite_in_the_data_folder()
    {
        var settings = DatabaseSettings.From(Configuration());

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal("Data Source=data/clientele.db", settings.ConnectionString);
    }

    [Fact]
    public void Sqlite_keeps_a_configured_connection_string()
    {
        var settings = DatabaseSettings.From(Configuration("sqlite", "Data Source=/tmp/x.db"));

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal("Data Source=/tmp/x.db", settings.ConnectionString);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("postgresql")]
    [InlineData("POSTGRES")]
    [InlineData("Npgsql")]
    public void Postgres_is_accepted_under_its_usual_names(string provider)
    {
        var settings = DatabaseSettings.From(Configuration(provider, "Host=db;Database=clientele"));

        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        Assert.Equal("Host=db;Database=clientele", settings.ConnectionString);
    }

    [Fact]
    public void An_unknown_provider_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From(Configuration("MySql")));

        Assert.Contains("'MySql'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Clientele:Database:Provider", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Postgres_without_a_connection_string_is_refused(string? connection)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From(Configuration("Postgres", connection)));

        Assert.Contains("ConnectionStrings:Clientele", error.Message, StringComparison.Ordinal);
    }
}
