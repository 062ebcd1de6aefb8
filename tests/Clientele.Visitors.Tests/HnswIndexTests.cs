using Clientele.Testing;
using Clientele.Visitors.Tests.Support;
using Clientele.Visitors.Vectors;

namespace Clientele.Visitors.Tests;

public sealed class HnswIndexTests
{
    [SkippableFact]
    public void Recall_at_10_against_the_exact_index_is_at_least_099_on_sift5k()
    {
        var sift = Sift5k.Read(SharedData.Require("vectors/sift5k"));
        using var exact = new ExactIndex(128);
        using var hnsw = new HnswIndex(128, parameters: new HnswParameters { M = 16, EfConstruction = 200, EfSearch = 80 });
        for (var row = 0; row < sift.Base.Length; row++)
        {
            exact.Upsert(row, sift.Base[row]);
            hnsw.Upsert(row, sift.Base[row]);
        }

        double recall = 0;
        for (var query = 0; query < sift.Queries.Length; query++)
        {
            var truth = exact.Search(sift.Queries[query], 10);
            Assert.Equal(MathF.Sqrt(sift.TruthSquaredDistances[query][9]), truth[9].Distance, 0.01f);
            var found = hnsw.Search(sift.Queries[query], 10);
            recall += Sift5k.Recall([.. found.Select(neighbor => neighbor.Distance)], truth[9].Distance, 10);
        }
        recall /= sift.Queries.Length;

        Assert.True(recall >= 0.99, $"HNSW recall@10 on sift5k was {recall:F4}, below 0.99.");
    }

    [Theory]
    [InlineData(VectorMetric.Euclidean)]
    [InlineData(VectorMetric.Cosine)]
    public void Finds_the_exact_neighbours_on_clustered_data(VectorMetric metric)
    {
        var (rows, queries) = Clustered(new Random(11), 3000, 100, 24);
        using var exact = new ExactIndex(24, metric);
        using var hnsw = new HnswIndex(24, metric);
        for (var row = 0; row < rows.Length; row++)
        {
            exact.Upsert(row, rows[row]);
            hnsw.Upsert(row, rows[row]);
        }

        var recall = queries.Average(query =>
            Sift5k.Recall([.. hnsw.Search(query, 10).Select(neighbor => neighbor.Distance)], exact.Search(query, 10)[9].Distance, 10));

        Assert.True(recall >= 0.98, $"recall@10 was {recall:F4}");
    }

    [Fact]
    public void Removed_vectors_are_never_returned_and_compaction_drops_their_tombstones()
    {
        var rows = ExactIndexTests.RandomVectors(new Random(5), 400, 16);
        using var hnsw = new HnswIndex(16, parameters: new HnswParameters { CompactionRatio = 0.25 });
        for (var row = 0; row < rows.Length; row++)
        {
            hnsw.Upsert(row, rows[row]);
        }
        for (var row = 0; row < rows.Length; row += 2)
        {
            hnsw.Remove(row);
        }

        Assert.Equal(200, hnsw.Count);
        Assert.True(hnsw.Tombstones <= 0.25 * (hnsw.Count + hnsw.Tombstones), $"{hnsw.Tombstones} tombstones left");
        foreach (var query in rows)
        {
            Assert.All(hnsw.Search(query, 10), neighbor => Assert.True(neighbor.Id % 2 == 1, $"removed id {neighbor.Id} returned"));
        }
        hnsw.Compact();
        Assert.Equal(0, hnsw.Tombstones);
        for (var row = 1; row < rows.Length; row += 2)
        {
            Assert.Equal(new Neighbor(row, 0f), hnsw.Search(rows[row], 1)[0]);
        }
    }

    [Fact]
    public async Task Searches_run_while_vectors_are_inserted_and_removed()
    {
        var (rows, queries) = Clustered(new Random(13), 4000, 200, 16);
        using var hnsw = new HnswIndex(16, parameters: new HnswParameters { EfConstruction = 100, EfSearch = 64 });
        for (var row = 0; row < 2000; row++)
        {
            hnsw.Upsert(row, rows[row]);
        }

        using var writing = new CancellationTokenSource();
        var searchers = Enumerable.Range(0, 3).Select(searcher => Task.Run(() =>
        {
            var searches = 0;
            while (!writing.IsCancellationRequested || searches < 50)
            {
                var found = hnsw.Search(queries[(searcher + searches) % queries.Length], 10);
                Assert.Equal(10, found.Count);
                Assert.True(found.Zip(found.Skip(1)).All(pair => pair.First.Distance <= pair.Second.Distance));
                searches++;
            }
            return searches;
        })).ToList();
        await Task.Run(() =>
        {
            for (var row = 2000; row < rows.Length; row++)
            {
                hnsw.Upsert(row, rows[row]);
                if (row % 10 == 0)
                {
                    hnsw.Remove(row - 1000);
                }
            }
        });
        await writing.CancelAsync();
        var counts = await Task.WhenAll(searchers);

        Assert.All(counts, searches => Assert.True(searches >= 50));
        Assert.Equal(4000 - 200, hnsw.Count);
        using var exact = new ExactIndex(16);
        for (var row = 0; row < rows.Length; row++)
        {
            if (hnsw.Contains(row))
            {
                exact.Upsert(row, rows[row]);
            }
        }
        var recall = queries.Average(query =>
            Sift5k.Recall([.. hnsw.Search(query, 10).Select(neighbor => neighbor.Distance)], exact.Search(query, 10)[9].Distance, 10));
        Assert.True(recall >= 0.95, $"recall@10 after concurrent writes was {recall:F4}");
    }

    /// <summary>Gaussian clusters around random centres, so neighbourhoods are as lumpy as real embeddings.</summary>
    private static (float[][] Rows, float[][] Queries) Clustered(Random random, int count, int queryCount, int dimensions)
    {
        var centres = ExactIndexTests.RandomVectors(random, 40, dimensions);
        float[] Draw() => [.. centres[random.Next(centres.Length)].Select(value => value + (random.NextSingle() - 0.5f) * 0.6f)];
        return ([.. Enumerable.Range(0, count).Select(_ => Draw())], [.. Enumerable.Range(0, queryCount).Select(_ => Draw())]);
    }
}
