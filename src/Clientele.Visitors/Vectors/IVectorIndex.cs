namespace Clientele.Visitors.Vectors;

/// <summary>
/// An in-memory nearest-neighbour index of fixed-length float vectors keyed by id. Safe for many concurrent searches
/// alongside writes.
/// </summary>
public interface IVectorIndex : IDisposable
{
    int Dimensions { get; }

    VectorMetric Metric { get; }

    int Count { get; }

    /// <summary>Adds the vector, or replaces the one stored under <paramref name="id"/>.</summary>
    void Upsert(long id, ReadOnlySpan<float> vector);

    /// <summary>Removes the id; false when it was not stored.</summary>
    bool Remove(long id);

    bool Contains(long id);

    /// <summary>The <paramref name="count"/> nearest stored vectors, nearest first.</summary>
    IReadOnlyList<Neighbor> Search(ReadOnlySpan<float> query, int count);
}
