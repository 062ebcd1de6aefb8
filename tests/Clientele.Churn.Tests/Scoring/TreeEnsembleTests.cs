using System.Numerics;
using Clientele.Churn.Scoring;
using Microsoft.ML;

namespace Clientele.Churn.Tests.Scoring;

/// <summary>The served model walks FastTree's trees itself; these hold it to ML.NET's own answers and to Shapley's definition.</summary>
public sealed class TreeEnsembleTests(SyntheticModelFixture fixture) : IClassFixture<SyntheticModelFixture>
{
    private static readonly ChurnFeatures[] Edges =
    [
        new(Age: 18, Tenure: 0, Balance: 0, Products: 1, CreditCard: false, Active: false, Salary: 0),
        new(Age: 29, Tenure: 10, Balance: 0.01, Products: 2, CreditCard: true, Active: true, Salary: 1),
        new(Age: 30, Tenure: 5, Balance: 250_898.09, Products: 3, CreditCard: true, Active: false, Salary: 199_992.48),
        new(Age: 40, Tenure: 2, Balance: 1e9, Products: 4, CreditCard: false, Active: true, Salary: 1e9),
        new(Age: 50, Tenure: 3, Balance: 60_000, Products: 2, CreditCard: false, Active: false, Salary: 50_000),
        new(Age: 60, Tenure: 9, Balance: 120_000, Products: 1, CreditCard: true, Active: true, Salary: 11.58),
        new(Age: 92, Tenure: 1, Balance: 0, Products: 4, CreditCard: true, Active: false, Salary: 90_000),
    ];

    [Fact]
    public void Scores_are_the_probabilities_plain_MLNET_gives_for_the_same_bytes()
    {
        var customers = fixture.Test.Select(row => row.Features).Concat(Edges).ToList();
        var ml = new MLContext(seed: 1);
        var transformer = ml.Model.Load(new MemoryStream(fixture.Result.Model), out _);
        var scored = transformer.Transform(ml.Data.LoadFromEnumerable(customers.Select(MlNetRow.From)));
        var expected = ml.Data.CreateEnumerable<MlNetScore>(scored, reuseRowObject: false).Select(row => (double)row.Probability).ToList();

        var actual = fixture.Model.ScoreMany(customers);

        Assert.Equal(expected.Count, actual.Count);
        for (var row = 0; row < expected.Count; row++)
        {
            Assert.True(Math.Abs(expected[row] - actual[row]) < 1e-6, $"row {row}: ML.NET {expected[row]}, ours {actual[row]}");
        }
    }

    [Fact]
    public void Explanations_equal_Shapley_values_from_scoring_every_coalition_against_every_background_row()
    {
        foreach (var customer in fixture.Test.Take(5).Select(row => row.Features).Concat(Edges))
        {
            var expected = BruteForce(customer);
            var explanation = fixture.Model.Explain(customer);

            Assert.Equal(expected.Worth[^1], explanation.Score, 9);
            Assert.Equal(expected.Worth[0], explanation.BaseScore, 9);
            for (var field = 0; field < ChurnFeatures.Names.Count; field++)
            {
                Assert.Equal(expected.Shapley[field], explanation.Factors[field].Contribution, 9);
            }
        }
    }

    private (double[] Worth, double[] Shapley) BruteForce(ChurnFeatures customer)
    {
        var fields = ChurnFeatures.Names.Count;
        var everyone = (1 << fields) - 1;
        var background = fixture.Model.Background;
        var worth = new double[everyone + 1];
        for (var coalition = 0; coalition <= everyone; coalition++)
        {
            foreach (var reference in background)
            {
                var mixed = reference;
                for (var field = 0; field < fields; field++)
                {
                    if ((coalition & (1 << field)) != 0)
                    {
                        mixed = mixed.With(field, customer);
                    }
                }
                worth[coalition] += fixture.Model.Score(mixed) / background.Count;
            }
        }
        var shapley = new double[fields];
        for (var field = 0; field < fields; field++)
        {
            for (var coalition = 0; coalition <= everyone; coalition++)
            {
                if ((coalition & (1 << field)) == 0)
                {
                    var size = BitOperations.PopCount((uint)coalition);
                    shapley[field] += Factorial(size) * Factorial(fields - size - 1) / Factorial(fields) * (worth[coalition | (1 << field)] - worth[coalition]);
                }
            }
        }
        return (worth, shapley);
    }

    private static double Factorial(int value) => value <= 1 ? 1 : value * Factorial(value - 1);
}
