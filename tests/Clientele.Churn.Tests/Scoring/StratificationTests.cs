using Clientele.Churn.Scoring;

namespace Clientele.Churn.Tests.Scoring;

public sealed class StratificationTests
{
    private static readonly List<bool> Labels = SyntheticChurn.Customers(5000, seed: 3).Select(row => row.Churned).ToList();

    [Fact]
    public void Every_fold_keeps_the_overall_churn_rate_within_one_point()
    {
        var folds = Stratification.Folds(Labels, 5, seed: 42);
        var overall = Labels.Average(label => label ? 1.0 : 0.0);

        for (var fold = 0; fold < 5; fold++)
        {
            var members = Enumerable.Range(0, Labels.Count).Where(row => folds[row] == fold).ToList();
            var rate = members.Average(row => Labels[row] ? 1.0 : 0.0);
            Assert.InRange(rate, overall - 0.01, overall + 0.01);
            Assert.InRange(members.Count, 999, 1001);
        }
    }

    [Fact]
    public void Folds_are_seeded()
    {
        Assert.Equal(Stratification.Folds(Labels, 5, seed: 42), Stratification.Folds(Labels, 5, seed: 42));
        Assert.NotEqual(Stratification.Folds(Labels, 5, seed: 42), Stratification.Folds(Labels, 5, seed: 43));
    }

    [Fact]
    public void The_hold_out_takes_the_share_of_each_class()
    {
        var heldOut = Stratification.HoldOut(Labels, 0.2, seed: 42);
        var churned = Labels.Count(label => label);

        Assert.Equal(Math.Round(churned * 0.2, MidpointRounding.AwayFromZero), Labels.Where((label, row) => label && heldOut[row]).Count());
        Assert.Equal(Math.Round((Labels.Count - churned) * 0.2, MidpointRounding.AwayFromZero), Labels.Where((label, row) => !label && heldOut[row]).Count());
    }
}
