using Clientele.Banking.Offers;

namespace Clientele.Banking.Tests.Offers;

public sealed class PopulationStatsTests
{
    [Fact]
    public void Percentiles_are_mid_rank_and_zero_for_an_absent_behaviour()
    {
        var builder = new PopulationStatsBuilder();
        foreach (var balance in new[] { 0m, 100m, 200m, 200m, 300m })
        {
            builder.Add(FeatureExtractor.Describe(OfferFixtures.Client(balance)));
        }
        var population = builder.Build();

        Assert.Equal(5, population.Clients);
        Assert.Equal(0, population.Percentile("Balance", 0));
        Assert.Equal(0.3, population.Percentile("Balance", 100), 6);
        Assert.Equal(0.6, population.Percentile("Balance", 200), 6);
        Assert.Equal(1.0, population.Percentile("Balance", 1_000), 6);
        Assert.Equal(0.5, population.Percentile("NoSuchSignal", 1), 6);
    }

    [Fact]
    public void An_empty_population_treats_every_positive_value_as_the_median()
    {
        var population = new PopulationStatsBuilder().Build();

        Assert.Equal(0, population.Clients);
        Assert.Equal(0.5, population.Percentile("Balance", 10), 6);
        Assert.Equal(0, population.Percentile("Balance", 0));
    }
}
