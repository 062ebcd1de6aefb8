namespace Clientele.Visitors.Vectors;

/// <summary>Which index an organization's gallery gets and how it is tuned.</summary>
public sealed record VectorIndexOptions
{
    public int Dimensions { get; init; } = 128;

    public VectorMetric Metric { get; init; } = VectorMetric.Euclidean;

    /// <summary>
    /// Galleries with more vectors than this get HNSW, smaller ones the exact scan. Exact costs about 2 ms per query at
    /// 10^5 vectors in C#, so HNSW pays off only from roughly 10^5–10^6 (spec §4.1).
    /// </summary>
    public int HnswThreshold { get; init; } = 200_000;

    public HnswParameters Hnsw { get; init; } = new();
}

/// <summary>Picks the exact index or HNSW by gallery size.</summary>
public static class IndexChooser
{
    public static bool UsesHnsw(VectorIndexOptions options, int count) => count > options.HnswThreshold;

    /// <summary>An empty index for a gallery expected to hold <paramref name="expectedCount"/> vectors.</summary>
    public static IVectorIndex Create(VectorIndexOptions options, int expectedCount = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        var capacity = Math.Max(16, expectedCount);
        return UsesHnsw(options, expectedCount)
            ? new HnswIndex(options.Dimensions, options.Metric, options.Hnsw, capacity)
            : new ExactIndex(options.Dimensions, options.Metric, capacity);
    }

    /// <summary>The index rebuilt from the stored rows, as at start-up.</summary>
    public static IVectorIndex Build(VectorIndexOptions options, IReadOnlyCollection<StoredVector> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var index = Create(options, rows.Count);
        foreach (var row in rows)
        {
            index.Upsert(row.Id, row.Vector);
        }
        return index;
    }
}
