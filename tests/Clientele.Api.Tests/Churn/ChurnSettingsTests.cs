using Clientele.Testing;
using Microsoft.Extensions.Options;

namespace Clientele.Api.Tests.Churn;

/// <summary>A wrong <c>Clientele:Churn</c> setting stops the server at start-up, naming the setting, instead of failing the first training or alert.</summary>
public sealed class ChurnSettingsTests
{
    [Theory]
    [InlineData("Clientele:Churn:Training:Folds", "1", "Clientele:Churn:Training")]
    [InlineData("Clientele:Churn:Bands:Medium", "0.8", "Clientele:Churn:Bands")]
    [InlineData("Clientele:Churn:SweepMinutes", "-5", "Clientele:Churn:SweepMinutes")]
    public async Task A_bad_setting_stops_the_server_with_its_name(string key, string value, string named)
    {
        var server = new ClienteleFactory(DatabaseKind.Sqlite);
        server.Settings[key] = value;
        try
        {
            var failure = await Assert.ThrowsAsync<OptionsValidationException>(server.InitializeAsync);
            Assert.Contains(named, failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)server).DisposeAsync();
        }
    }
}
