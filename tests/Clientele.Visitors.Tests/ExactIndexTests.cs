using Clientele.Visitors.Vectors;

namespace Clientele.Visitors.Tests;

public sealed class ExactIndexTests
{
    [Theory]
    [InlineData(VectorMetric.Euclidean)]
    [InlineData(VectorMetric.Cosine)]
    public void Search_returns_what_brute_force_returns(VectorMetric metric)
    {
        var random = new Random(7);
        var rows = RandomVectors(random, 600, 37);
        using var index = new ExactIndex(37, metric);
        for (var row = 0; row < rows.Length; row++)
        {
            index.Upsert(row, rows[row]);
        }

        foreach (var query in RandomVectors(random, 25, 37))
        {
            var expected = rows
                .Select((vector, row) => new Neighbor(row, VectorMath.Distance(metric, query, vector)))
                .OrderBy(neighbor => neighbor.Distance)
                .Take(10)
                .ToList();
            var found = index.Search(query, 10);

            Assert.Equal(expected.Select(neighbor => neighbor.Id), found.Select(neighbor => neighbor.Id));
            Assert.All(found.Zip(expected), pair => Assert.Equal(pair.Second.Distance, pair.First.Distance, 4));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Upsert_replaces_and_remove_forgets(bool hnsw)
    {
        using IVectorIndex index = hnsw ? new HnswIndex(3) : new ExactIndex(3, capacity: 1);
        index.Upsert(1, [1, 0, 0]);
        index.Upsert(2, [0, 1, 0]);
        index.Upsert(3, [0, 0, 1]);
        index.Upsert(2, [5, 5, 5]);

        Assert.Equal(3, index.Count);
        Assert.Equal(new Neighbor(2, 0f), index.Search([5, 5, 5], 1)[0]);
        Assert.True(index.Remove(1));
        Assert.False(index.Remove(1));
        Assert.False(index.Contains(1));
        Assert.Equal(2, index.Count);
        Assert.Equal([3L, 2L], index.Search([1, 0, 0], 5).Select(neighbor => neighbor.Id));
    }

    [Fact]
    public void Removing_keeps_the_remaining_rows_findable()
    {
        var rows = RandomVectors(new Random(3), 50, 8);
        using var index = new ExactIndex(8);
        for (var row = 0; row < rows.Length; row++)
        {
            index.Upsert(row, rows[row]);
        }
        for (var row = 0; row < rows.Length; row += 2)
        {
            index.Remove(row);
        }

        for (var row = 1; row < rows.Length; row += 2)
        {
            Assert.Equal(new Neighbor(row, 0f), index.Search(rows[row], 1)[0]);
        }
        Assert.Equal(25, index.Rows().Count);
    }

    [Fact]
    public void Cosine_ignores_length()
    {
        using var index = new ExactIndex(2, VectorMetric.Cosine);
        index.Upsert(1, [10, 0]);
        index.Upsert(2, [1, 1]);

        var found = index.Search([3, 0], 2);

        Assert.Equal(new Neighbor(1, 0f), found[0]);
        Assert.Equal(1 - MathF.Sqrt(0.5f), found[1].Distance, 5);
    }

    [Fact]
    public void Bad_vectors_are_refused()
    {
        using var index = new ExactIndex(3);

        Assert.Throws<ArgumentException>(() => index.Upsert(1, [1, 2]));
        Assert.Throws<ArgumentException>(() => index.Upsert(1, [1, float.NaN, 2]));
        Assert.Throws<ArgumentException>(() => index.Upsert(1, [0, 0, 0]));
        Assert.Throws<ArgumentException>(() => index.Search([1, 2, 3, 4], 1));
    }

    [Fact]
    public void The_chooser_picks_exact_up_to_the_threshold_and_hnsw_above()
    {
        var options = new VectorIndexOptions { Dimensions = 4, HnswThreshold = 100 };
        var rows = RandomVectors(new Random(1), 101, 4).Select((vector, row) => new StoredVector(row, vector)).ToList();

        using var small = IndexChooser.Build(options, rows[..100]);
        using var large = IndexChooser.Build(options, rows);

        Assert.IsType<ExactIndex>(small);
        Assert.IsType<HnswIndex>(large);
        Assert.Equal(101, large.Count);
    }

    internal static float[][] RandomVectors(Random random, int count, int dimensions) =>
        [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, dimensions).Select(_ => random.NextSingle() * 2 - 1).ToArray())];
}
