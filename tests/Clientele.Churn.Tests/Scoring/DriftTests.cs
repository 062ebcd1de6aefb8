using Clientele.Churn.Scoring;

namespace Clientele.Churn.Tests.Scoring;

public sealed class DriftTests
{
    private static readonly List<ChurnFeatures> Training = SyntheticChurn.Customers(5000, seed: 21).Select(row => row.Features).ToList();
    private static readonly TrainingBaseline Baseline = TrainingBaseline.Of(Training);

    [Fact]
    public void The_same_population_shows_no_drift()
    {
        var same = Drift.Psi(Baseline, Training);
        var fresh = Drift.Psi(Baseline, SyntheticChurn.Customers(5000, seed: 22).Select(row => row.Features).ToList());

        Assert.All(same.Values, psi => Assert.Equal(0, psi, 12));
        Assert.Equal(ChurnFeatures.Names.Order(), fresh.Keys.Order());
        Assert.All(fresh, pair => Assert.True(pair.Value < 0.02, $"{pair.Key}: PSI {pair.Value:F4} on a fresh sample of the same population"));
    }

    [Fact]
    public void An_older_population_drifts_in_age_only()
    {
        var older = SyntheticChurn.Customers(5000, seed: 22, ageShift: 12).Select(row => row.Features).ToList();

        var psi = Drift.Psi(Baseline, older);

        Assert.True(psi["age"] > Drift.Threshold, $"age PSI {psi["age"]:F3}");
        Assert.All(psi.Where(pair => pair.Key != "age"), pair => Assert.True(pair.Value < 0.02, $"{pair.Key}: PSI {pair.Value:F4}"));
    }

    [Fact]
    public void Psi_follows_its_formula_with_a_floor_for_empty_bins()
    {
        var everyoneActive = Training.Select(row => row with { Active = true }).ToList();
        var activeShare = Baseline.Features.Single(feature => feature.Feature == "active").Shares[1];

        var psi = Drift.Psi(Baseline, everyoneActive)["active"];

        var expected = (Drift.Epsilon - (1 - activeShare)) * Math.Log(Drift.Epsilon / (1 - activeShare))
            + (1 - activeShare) * Math.Log(1 / activeShare);
        Assert.Equal(expected, psi, 12);
        Assert.Empty(Drift.Psi(Baseline, []));
    }

    [Fact]
    public void Numeric_fields_are_cut_at_deciles_and_zero_balances_share_one_bin()
    {
        var salary = Baseline.Features.Single(feature => feature.Feature == "salary");
        var balance = Baseline.Features.Single(feature => feature.Feature == "balance");
        var products = Baseline.Features.Single(feature => feature.Feature == "products");

        Assert.False(salary.Categorical);
        Assert.Equal(9, salary.Edges.Count);
        Assert.All(salary.Shares, share => Assert.InRange(share, 0.099, 0.101));
        Assert.Equal(0, balance.Edges[0]);
        Assert.InRange(balance.Shares[0], 0.3, 0.4);
        Assert.True(products.Categorical);
        Assert.Equal(["1", "2", "3", "4"], products.Labels);
        Assert.Equal([1.5, 2.5, 3.5], products.Edges);
    }
}
