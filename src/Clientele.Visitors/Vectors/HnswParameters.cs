namespace Clientele.Visitors.Vectors;

/// <summary>
/// HNSW graph settings (Malkov and Yashunin, arXiv 1603.09320). Defaults are hnswlib's benchmark set-up from the spec
/// (§4.1: M 16, efConstruction 200, ef 80 gives recall@10 ≥ 0.99 on sift5k).
/// </summary>
public sealed record HnswParameters
{
    /// <summary>Links per node on the upper layers; layer 0 keeps twice as many.</summary>
    public int M { get; init; } = 16;

    /// <summary>Candidate list length while inserting: larger builds slower and finds better links.</summary>
    public int EfConstruction { get; init; } = 200;

    /// <summary>Candidate list length while searching (at least the number of results asked for).</summary>
    public int EfSearch { get; init; } = 80;

    /// <summary>Seed of the layer draw, so a rebuild from the same rows gives the same graph.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Rebuild the graph without tombstones once they exceed this share of the nodes.</summary>
    public double CompactionRatio { get; init; } = 0.25;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(M, 2, nameof(M));
        ArgumentOutOfRangeException.ThrowIfLessThan(EfConstruction, 1, nameof(EfConstruction));
        ArgumentOutOfRangeException.ThrowIfLessThan(EfSearch, 1, nameof(EfSearch));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CompactionRatio, nameof(CompactionRatio));
    }
}
