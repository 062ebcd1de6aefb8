using Clientele.Banking.Offers;
using Clientele.Banking.Offers.Push;
using Clientele.Banking.Recommendations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Banking.Tests.Offers;

public sealed class OfferSettingsBindingTests
{
    [Fact]
    public void The_engine_and_the_push_take_their_settings_from_clientele_banking_offers()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clientele:Banking:Offers:TravelCashbackRate"] = "0.05",
            ["Clientele:Banking:Offers:TravelCategories:0"] = BankVocabulary.Categories.Taxi,
            ["Clientele:Banking:Offers:SavingsDepositRate"] = "0.17",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddRecommendations().BuildServiceProvider();

        var engine = services.GetRequiredService<OfferEngine>();
        var composer = services.GetRequiredService<PushComposer>();

        Assert.Equal(0.05m, engine.Settings.TravelCashbackRate);
        Assert.Equal([BankVocabulary.Categories.Taxi], engine.Settings.TravelCategories);
        Assert.Equal(BankVocabulary.Categories.OnlineServices, engine.Settings.OnlineCategories);
        Assert.Equal(5m, composer.Settings.TravelCashbackPercent);
        Assert.Equal(17m, composer.Settings.SavingsRatePercent);
    }
}
