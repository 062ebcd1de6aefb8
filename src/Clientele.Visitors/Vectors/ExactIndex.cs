namespace Clientele.Visitors.Vectors;

/// <summary>
/// Exact nearest neighbours by scanning every stored vector: rows sit back to back in one float array and are compared
/// with SIMD. The default engine: an organization's gallery of up to ~10^5 faces scans in 0.1–2 ms (spec §4.1).
/// </summary>
public sealed class ExactIndex : IVectorIndex
{
    // Writes are single small rows while searches are many, so a reader-writer lock lets searches run side by side
    // without copying the whole gallery on every write.
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<long, int> rowOf = [];
    private float[] rows;
    private long[] ids;

    public ExactIndex(int dimensions, VectorMetric metric = VectorMetric.Euclidean, int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Dimensions = dimensions;
        Metric = metric;
        rows = new float[capacity * dimensions];
        ids = new long[capacity];
    }

    public int Dimensions { get; }

    public VectorMetric Metric { get; }

    public int Count
    {
        get
        {
            gate.EnterReadLock();
            try
            {
                return rowOf.Count;
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
    }

    public void Upsert(long id, ReadOnlySpan<float> vector)
    {
        VectorMath.Validate(vector, Dimensions, nameof(vector));
        gate.EnterWriteLock();
        try
        {
            if (!rowOf.TryGetValue(id, out var row))
            {
                row = rowOf.Count;
                if (row == ids.Length)
                {
                    Array.Resize(ref ids, ids.Length * 2);
                    Array.Resize(ref rows, ids.Length * Dimensions);
                }
                ids[row] = id;
                rowOf[id] = row;
            }
            VectorMath.Prepare(Metric, vector, rows.AsSpan(row * Dimensions, Dimensions));
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Moves the last row into the freed slot, so the rows stay contiguous.</summary>
    public bool Remove(long id)
    {
        gate.EnterWriteLock();
        try
        {
            if (!rowOf.Remove(id, out var row))
            {
                return false;
            }
            var last = rowOf.Count;
            if (row != last)
            {
                rows.AsSpan(last * Dimensions, Dimensions).CopyTo(rows.AsSpan(row * Dimensions, Dimensions));
                ids[row] = ids[last];
                rowOf[ids[row]] = row;
            }
            return true;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    public bool Contains(long id)
    {
        gate.EnterReadLock();
        try
        {
            return rowOf.ContainsKey(id);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    public IReadOnlyList<Neighbor> Search(ReadOnlySpan<float> query, int count)
    {
        VectorMath.Validate(query, Dimensions, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Span<float> prepared = stackalloc float[Dimensions <= 1024 ? Dimensions : 0];
        if (prepared.IsEmpty)
        {
            prepared = new float[Dimensions];
        }
        VectorMath.Prepare(Metric, query, prepared);
        gate.EnterReadLock();
        try
        {
            var nearest = new NearestRows(Math.Min(count, rowOf.Count));
            var stored = rows.AsSpan(0, rowOf.Count * Dimensions);
            if (Metric == VectorMetric.Euclidean)
            {
                for (var row = 0; row < rowOf.Count; row++)
                {
                    nearest.Offer(row, VectorMath.SquaredEuclidean(prepared, stored.Slice(row * Dimensions, Dimensions)));
                }
            }
            else
            {
                for (var row = 0; row < rowOf.Count; row++)
                {
                    nearest.Offer(row, VectorMath.Score(Metric, prepared, stored.Slice(row * Dimensions, Dimensions)));
                }
            }
            return nearest.ToNeighbors(ids, Metric);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>Every stored row, for moving the gallery into another index.</summary>
    public IReadOnlyList<StoredVector> Rows()
    {
        gate.EnterReadLock();
        try
        {
            var copy = new List<StoredVector>(rowOf.Count);
            for (var row = 0; row < rowOf.Count; row++)
            {
                copy.Add(new StoredVector(ids[row], rows.AsSpan(row * Dimensions, Dimensions).ToArray()));
            }
            return copy;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>The best rows seen so far, kept sorted by score; a hit past the worst kept one costs one comparison.</summary>
    private struct NearestRows(int capacity)
    {
        private readonly int[] rows = new int[capacity];
        private readonly float[] scores = new float[capacity];
        private int size;

        public void Offer(int row, float score)
        {
            if (size == rows.Length)
            {
                if (size == 0 || score >= scores[size - 1])
                {
                    return;
                }
                size--;
            }
            var slot = size;
            while (slot > 0 && scores[slot - 1] > score)
            {
                rows[slot] = rows[slot - 1];
                scores[slot] = scores[slot - 1];
                slot--;
            }
            rows[slot] = row;
            scores[slot] = score;
            size++;
        }

        public readonly Neighbor[] ToNeighbors(long[] ids, VectorMetric metric)
        {
            var result = new Neighbor[size];
            for (var rank = 0; rank < size; rank++)
            {
                result[rank] = new Neighbor(ids[rows[rank]], VectorMath.ScoreToDistance(metric, scores[rank]));
            }
            return result;
        }
    }
}
