namespace Clientele.Visitors.Vectors;

/// <summary>A search hit: the stored id and its distance to the query in the index's metric.</summary>
public readonly record struct Neighbor(long Id, float Distance);

/// <summary>One stored row, as the database keeps it: the index is rebuilt from these at start-up.</summary>
public sealed record StoredVector(long Id, float[] Vector);
