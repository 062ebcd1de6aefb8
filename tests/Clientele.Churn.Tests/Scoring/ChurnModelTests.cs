using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Clientele.Churn.Scoring;
using Microsoft.ML;
using Xunit.Abstractions;

namespace Clientele.Churn.Tests.Scoring;

public sealed class ChurnModelTests(SyntheticModelFixture fixture, ITestOutputHelper output) : IClassFixture<SyntheticModelFixture>
{
    private const string BackgroundEntry = "Clientele/ShapleyBackground.json";

    private static readonly ChurnFeatures Risky = new(Age: 52, Tenure: 1, Balance: 0, Products: 3, CreditCard: true, Active: false, Salary: 80_000);
    private static readonly ChurnFeatures Safe = new(Age: 28, Tenure: 7, Balance: 90_000, Products: 2, CreditCard: true, Active: true, Salary: 60_000);

    [Fact]
    public void One_score_equals_the_batch_score_and_ranks_risk()
    {
        var customers = fixture.Test.Take(200).Select(row => row.Features).Append(Risky).Append(Safe).ToList();
        var batch = fixture.Model.ScoreMany(customers);

        Assert.Equal(batch, customers.Select(fixture.Model.Score));
        Assert.All(batch, score => Assert.InRange(score, 0, 1));
        Assert.True(fixture.Model.Score(Risky) > 0.5, $"risky customer scored {fixture.Model.Score(Risky)}");
        Assert.True(fixture.Model.Score(Safe) < 0.2, $"safe customer scored {fixture.Model.Score(Safe)}");
        Assert.Empty(fixture.Model.ScoreMany([]));
    }

    [Fact]
    public void Scoring_and_explaining_from_many_threads_gives_the_sequential_results()
    {
        var customers = fixture.Rows.Take(400).Select(row => row.Features).ToList();
        var expected = fixture.Model.ScoreMany(customers);
        var expectedFactors = fixture.Model.TopFactors(Risky);
        var single = new ConcurrentDictionary<int, double>();
        var batches = new ConcurrentBag<IReadOnlyList<double>>();
        var explanations = new ConcurrentBag<IReadOnlyList<Factor>>();

        Parallel.For(0, customers.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, row =>
        {
            single[row] = fixture.Model.Score(customers[row]);
            if (row % 50 == 0)
            {
                batches.Add(fixture.Model.ScoreMany(customers));
                explanations.Add(fixture.Model.TopFactors(Risky));
            }
        });

        Assert.Equal(expected, Enumerable.Range(0, customers.Count).Select(row => single[row]));
        Assert.All(batches, batch => Assert.Equal(expected, batch));
        Assert.All(explanations, factors => Assert.Equal(expectedFactors, factors));
    }

    [Fact]
    public void Shapley_contributions_add_up_to_score_minus_base()
    {
        foreach (var customer in fixture.Test.Take(20).Select(row => row.Features).Append(Risky).Append(Safe))
        {
            var explanation = fixture.Model.Explain(customer);

            Assert.Equal(fixture.Model.Score(customer), explanation.Score, 12);
            Assert.Equal(fixture.Model.BaseScore, explanation.BaseScore);
            Assert.Equal(ChurnFeatures.Names, explanation.Factors.Select(factor => factor.Feature));
            Assert.Equal(explanation.Score - explanation.BaseScore, explanation.Factors.Sum(factor => factor.Contribution), 1e-6);
        }
    }

    [Fact]
    public void Against_one_background_row_only_the_differing_field_gets_credit()
    {
        var reference = Safe;
        var model = ChurnModel.Load(WithBackground(fixture.Result.Model, [reference]));
        var customer = reference with { Products = 3 };

        var explanation = model.Explain(customer);

        Assert.Equal(model.Score(reference), explanation.BaseScore, 12);
        Assert.Equal(model.Score(customer) - model.Score(reference), explanation.Factors.Single(factor => factor.Feature == "products").Contribution, 12);
        Assert.All(explanation.Factors.Where(factor => factor.Feature != "products"), factor => Assert.Equal(0, factor.Contribution, 12));
    }

    [Fact]
    public void Top_factors_are_the_largest_contributions_in_business_words()
    {
        var factors = fixture.Model.TopFactors(Risky);

        Assert.Equal(3, factors.Count);
        Assert.Equal(factors.OrderByDescending(factor => Math.Abs(factor.Contribution)), factors);
        var products = Assert.Single(factors, factor => factor.Feature == "products");
        Assert.True(products.Contribution > 0);
        Assert.Equal("3+ products", products.Description);
        Assert.Contains(factors, factor => factor.Feature == "age" && factor.Description == "age 45–60" && factor.Contribution > 0);
        Assert.Equal(7, fixture.Model.TopFactors(Risky, count: 10).Count);
        Assert.Equal("inactive member", fixture.Model.Explain(Risky).Factors.Single(factor => factor.Feature == "active").Description);
        Assert.Equal("zero balance", fixture.Model.Explain(Risky).Factors.Single(factor => factor.Feature == "balance").Description);
    }

    [Fact]
    public void Explanations_from_kept_reaches_equal_those_of_a_freshly_loaded_model()
    {
        // The explainer keeps what it walked per tree and customer way: a second explanation must not differ from a first.
        var customers = fixture.Test.Take(40).Select(row => row.Features).Append(Risky).Append(Safe).ToList();
        var fresh = ChurnModel.Load(fixture.Result.Model);
        var clock = Stopwatch.StartNew();
        var first = customers.Select(customer => fresh.Explain(customer)).ToList();
        var firstTime = clock.Elapsed;
        clock.Restart();
        var again = customers.Select(customer => fresh.Explain(customer)).ToList();
        output.WriteLine($"Explain: {firstTime.TotalMilliseconds / customers.Count:F2} ms per call on a fresh model, " +
            $"{clock.Elapsed.TotalMilliseconds / customers.Count:F2} ms from kept reaches (128 coalitions × {fresh.Background.Count} background rows)");

        for (var index = 0; index < customers.Count; index++)
        {
            Assert.Equal(first[index].Factors, again[index].Factors);
            Assert.Equal(first[index].Score, again[index].Score);
            Assert.Equal(fixture.Model.Explain(customers[index]).Factors, again[index].Factors);
        }
    }

    [Fact]
    public void The_bytes_are_a_plain_mlnet_model_that_plain_mlnet_loads()
    {
        var ml = new MLContext(seed: 1);
        var transformer = ml.Model.Load(new MemoryStream(fixture.Result.Model), out var schema);

        Assert.NotNull(transformer);
        Assert.Equal(["Age", "Tenure", "Balance", "Products", "CreditCard", "Active", "Salary", "Label"], schema.Select(column => column.Name));
    }

    [Fact]
    public void Bytes_without_a_background_are_refused()
    {
        var ml = new MLContext(seed: 1);
        var transformer = ml.Model.Load(new MemoryStream(fixture.Result.Model), out var schema);
        using var plain = new MemoryStream();
        ml.Model.Save(transformer, schema, plain);

        var error = Assert.Throws<InvalidDataException>(() => ChurnModel.Load(plain.ToArray()));
        Assert.Contains("background", error.Message, StringComparison.Ordinal);
    }

    private static byte[] WithBackground(byte[] model, ChurnFeatures[] background)
    {
        using var buffer = new MemoryStream();
        buffer.Write(model);
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            archive.GetEntry(BackgroundEntry)!.Delete();
            using var stream = archive.CreateEntry(BackgroundEntry).Open();
            JsonSerializer.Serialize(stream, background);
        }
        return buffer.ToArray();
    }
}
