using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Clientele.Platform.Tests.Cli;

public sealed class DemoSettingsTests
{
    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Staging", null, false)]
    [InlineData("Development", "false", false)]
    [InlineData("Production", "true", true)]
    public void Demo_data_is_on_by_default_in_development_only(string environment, string? enabled, bool expected) =>
        Assert.Equal(expected, DemoSettings.IsEnabled(Settings(enabled, null), new Environment(environment)));

    [Theory]
    [InlineData("Production", "true", null, true)]
    [InlineData("Production", "true", "", true)]
    [InlineData("Production", "true", "clientele-demo", true)]
    [InlineData("Production", "true", "an own password", false)]
    [InlineData("Production", null, null, false)]
    [InlineData("Development", "true", null, false)]
    public void Outside_development_the_published_password_stops_the_start_up(string environment, string? enabled, string? password, bool refused)
    {
        var exception = Record.Exception(() => DemoSettings.ThrowIfUnsafe(Settings(enabled, password), new Environment(environment)));

        Assert.Equal(refused, exception is InvalidOperationException);
    }

    private static IConfiguration Settings(string? enabled, string? password) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [DemoSettings.EnabledKey] = enabled,
        [DemoSettings.PasswordKey] = password,
    }).Build();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Clientele";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
