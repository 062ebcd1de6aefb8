using System.Runtime.CompilerServices;

namespace Clientele.Visitors.Vectors;

/// <summary>
/// Approximate nearest neighbours on a hierarchical navigable small-world graph: greedy descent through sparse upper
/// layers, then a best-first search of width ef on layer 0. Links are chosen by the paper's heuristic (a candidate is
/// kept only if it is closer to the new node than to every link kept so far), which keeps the graph navigable across
/// clusters. Removal marks a tombstone: removed nodes still route searches but are never returned, and the graph is
/// rebuilt from the live rows once tombstones pass <see cref="HnswParameters.CompactionRatio"/>.
/// </summary>
public sealed class HnswIndex : IVectorIndex
{
    // As ExactIndex: searches share a read lock, an insert (well under a millisecond of graph work at 10^5 nodes) holds
    // the write lock, so a search never sees a half-linked node.
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly ThreadLocal<SearchScratch> scratches = new(() => new SearchScratch());
    private readonly HnswParameters parameters;
    private readonly double levelScale;
    private readonly Dictionary<long, int> nodeOf = [];
    private readonly int baseStride;
    private Random levels;
    private float[] vectors;
    private long[] ids;
    private bool[] removed;

    // Layer 0 is where a search spends its time, so its links sit in one array, a count then the neighbours per node
    // (as hnswlib lays them out); the few nodes on upper layers keep one small array per layer, count first too.
    private int[] baseLinks;
    private int[][]?[] upperLinks;
    private int nodeCount;
    private int entryNode = -1;
    private int topLayer = -1;
    private int efSearch;

    public HnswIndex(int dimensions, VectorMetric metric = VectorMetric.Euclidean, HnswParameters? parameters = null, int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.parameters = parameters ?? new HnswParameters();
        this.parameters.Validate();
        Dimensions = dimensions;
        Metric = metric;
        levelScale = 1.0 / Math.Log(this.parameters.M);
        levels = new Random(this.parameters.Seed);
        efSearch = this.parameters.EfSearch;
        baseStride = 2 * this.parameters.M + 1;
        vectors = new float[capacity * dimensions];
        ids = new long[capacity];
        removed = new bool[capacity];
        baseLinks = new int[capacity * baseStride];
        upperLinks = new int[capacity][][];
    }

    public int Dimensions { get; }

    public VectorMetric Metric { get; }

    public int Count => Read(() => nodeOf.Count);

    /// <summary>Removed nodes still in the graph.</summary>
    public int Tombstones => Read(() => nodeCount - nodeOf.Count);

    /// <summary>Search width; raise it for recall, lower it for speed.</summary>
    public int EfSearch
    {
        get => Volatile.Read(ref efSearch);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref efSearch, value);
        }
    }

    public void Upsert(long id, ReadOnlySpan<float> vector)
    {
        VectorMath.Validate(vector, Dimensions, nameof(vector));
        gate.EnterWriteLock();
        try
        {
            if (nodeOf.Remove(id, out var previous))
            {
                removed[previous] = true;
            }
            Insert(id, vector);
            CompactIfWorthIt();
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    public bool Remove(long id)
    {
        gate.EnterWriteLock();
        try
        {
            if (!nodeOf.Remove(id, out var node))
            {
                return false;
            }
            removed[node] = true;
            CompactIfWorthIt();
            return true;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    public bool Contains(long id) => Read(() => nodeOf.ContainsKey(id));

    public IReadOnlyList<Neighbor> Search(ReadOnlySpan<float> query, int count)
    {
        VectorMath.Validate(query, Dimensions, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var prepared = new float[Dimensions];
        VectorMath.Prepare(Metric, query, prepared);
        gate.EnterReadLock();
        try
        {
            if (nodeOf.Count == 0)
            {
                return [];
            }
            var scratch = scratches.Value!;
            var (node, score) = Descend(prepared, 1);
            var found = SearchLayer(prepared, node, score, Math.Max(EfSearch, count), 0, liveOnly: true, scratch);
            var result = new Neighbor[Math.Min(count, found.Count)];
            for (var rank = 0; rank < result.Length; rank++)
            {
                result[rank] = new Neighbor(ids[found[rank].Node], VectorMath.ScoreToDistance(Metric, found[rank].Score));
            }
            return result;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>Rebuilds the graph from the live rows only, dropping every tombstone.</summary>
    public void Compact()
    {
        gate.EnterWriteLock();
        try
        {
            Rebuild();
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    public void Dispose()
    {
        scratches.Dispose();
        gate.Dispose();
    }

    private T Read<T>(Func<T> read)
    {
        gate.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private void CompactIfWorthIt()
    {
        var tombstones = nodeCount - nodeOf.Count;
        if (tombstones >= 16 && tombstones > parameters.CompactionRatio * nodeCount)
        {
            Rebuild();
        }
    }

    private void Rebuild()
    {
        var live = new List<(long Id, float[] Vector)>(nodeOf.Count);
        for (var node = 0; node < nodeCount; node++)
        {
            if (!removed[node])
            {
                live.Add((ids[node], VectorOf(node).ToArray()));
            }
        }
        nodeOf.Clear();
        nodeCount = 0;
        entryNode = -1;
        topLayer = -1;
        levels = new Random(parameters.Seed);
        Array.Clear(removed);
        Array.Clear(baseLinks);
        Array.Clear(upperLinks);
        foreach (var (id, vector) in live)
        {
            InsertPrepared(id, vector);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<float> VectorOf(int node) => vectors.AsSpan(node * Dimensions, Dimensions);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Score(ReadOnlySpan<float> query, int node) =>
        Metric == VectorMetric.Euclidean
            ? VectorMath.SquaredEuclidean(query, VectorOf(node))
            : VectorMath.Score(Metric, query, VectorOf(node));

    /// <summary>The node's links on a layer: element 0 is the count, the neighbours follow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<int> LinksOf(int node, int level) =>
        level == 0 ? baseLinks.AsSpan(node * baseStride, baseStride) : upperLinks[node]![level - 1];

    private static void Append(Span<int> links, int neighbor)
    {
        links[0]++;
        links[links[0]] = neighbor;
    }

    private void Insert(long id, ReadOnlySpan<float> vector)
    {
        Span<float> prepared = stackalloc float[Dimensions <= 1024 ? Dimensions : 0];
        if (prepared.IsEmpty)
        {
            prepared = new float[Dimensions];
        }
        VectorMath.Prepare(Metric, vector, prepared);
        InsertPrepared(id, prepared);
    }

    private void InsertPrepared(long id, ReadOnlySpan<float> vector)
    {
        if (nodeCount == ids.Length)
        {
            var capacity = ids.Length * 2;
            Array.Resize(ref ids, capacity);
            Array.Resize(ref removed, capacity);
            Array.Resize(ref vectors, capacity * Dimensions);
            Array.Resize(ref baseLinks, capacity * baseStride);
            Array.Resize(ref upperLinks, capacity);
        }
        var node = nodeCount;
        var layer = (int)(-Math.Log(1.0 - levels.NextDouble()) * levelScale);
        vector.CopyTo(VectorOf(node));
        ids[node] = id;
        removed[node] = false;
        upperLinks[node] = layer == 0 ? null : [.. Enumerable.Range(0, layer).Select(_ => new int[parameters.M + 1])];
        nodeOf[id] = node;
        nodeCount++;
        if (entryNode < 0)
        {
            entryNode = node;
            topLayer = layer;
            return;
        }
        var scratch = scratches.Value!;
        var (closest, closestScore) = Descend(vector, layer + 1);
        for (var level = Math.Min(layer, topLayer); level >= 0; level--)
        {
            var found = SearchLayer(vector, closest, closestScore, parameters.EfConstruction, level, liveOnly: false, scratch);
            var chosen = SelectNeighbors(found, parameters.M);
            foreach (var (neighbor, score) in chosen)
            {
                Append(LinksOf(node, level), neighbor);
                Link(neighbor, node, score, level);
            }
            (closest, closestScore) = found[0];
        }
        if (layer > topLayer)
        {
            entryNode = node;
            topLayer = layer;
        }
    }

    /// <summary>Greedy walk from the entry point down to <paramref name="lowestLayer"/>, one hop to a closer node at a time.</summary>
    private (int Node, float Score) Descend(ReadOnlySpan<float> query, int lowestLayer)
    {
        var current = entryNode;
        var currentScore = Score(query, current);
        for (var level = topLayer; level >= lowestLayer; level--)
        {
            var improved = true;
            while (improved)
            {
                improved = false;
                var links = LinksOf(current, level);
                for (var slot = 1; slot <= links[0]; slot++)
                {
                    var neighbor = links[slot];
                    var score = Score(query, neighbor);
                    if (score < currentScore)
                    {
                        current = neighbor;
                        currentScore = score;
                        improved = true;
                    }
                }
            }
        }
        return (current, currentScore);
    }

    /// <summary>
    /// Best-first search of one layer keeping the <paramref name="width"/> closest nodes, nearest first. With
    /// <paramref name="liveOnly"/> tombstones are walked through but not kept.
    /// </summary>
    private List<(int Node, float Score)> SearchLayer(
        ReadOnlySpan<float> query, int start, float startScore, int width, int level, bool liveOnly, SearchScratch scratch)
    {
        scratch.Begin(nodeCount);
        var candidates = scratch.Candidates;
        var kept = scratch.Kept;
        scratch.Visit(start);
        candidates.Enqueue(start, startScore);
        var bound = float.MaxValue;
        if (!liveOnly || !removed[start])
        {
            kept.Enqueue(start, startScore);
            bound = startScore;
        }
        while (candidates.TryDequeue(out var current, out var currentScore))
        {
            if (currentScore > bound && kept.Count >= width)
            {
                break;
            }
            var links = LinksOf(current, level);
            for (var slot = 1; slot <= links[0]; slot++)
            {
                var neighbor = links[slot];
                if (!scratch.Visit(neighbor))
                {
                    continue;
                }
                var score = Score(query, neighbor);
                if (kept.Count < width || score < bound)
                {
                    candidates.Enqueue(neighbor, score);
                    if (!liveOnly || !removed[neighbor])
                    {
                        kept.Enqueue(neighbor, score);
                        if (kept.Count > width)
                        {
                            kept.Dequeue();
                        }
                        kept.TryPeek(out _, out bound);
                    }
                }
            }
        }
        var found = new List<(int Node, float Score)>(kept.Count);
        while (kept.TryDequeue(out var node, out var score))
        {
            found.Add((node, score));
        }
        found.Reverse();
        return found;
    }

    /// <summary>The paper's heuristic: walk candidates nearest first and keep one only if no kept link is closer to it.</summary>
    private List<(int Node, float Score)> SelectNeighbors(List<(int Node, float Score)> candidates, int limit)
    {
        var chosen = new List<(int Node, float Score)>(limit);
        foreach (var candidate in candidates)
        {
            if (chosen.Count == limit)
            {
                break;
            }
            var diverse = true;
            foreach (var (kept, _) in chosen)
            {
                if (VectorMath.Score(Metric, VectorOf(candidate.Node), VectorOf(kept)) < candidate.Score)
                {
                    diverse = false;
                    break;
                }
            }
            if (diverse)
            {
                chosen.Add(candidate);
            }
        }
        return chosen;
    }

    /// <summary>Adds the back link; a full list is re-chosen by the heuristic from its links plus the newcomer.</summary>
    private void Link(int from, int to, float score, int level)
    {
        var links = LinksOf(from, level);
        var limit = links.Length - 1;
        if (links[0] < limit)
        {
            Append(links, to);
            return;
        }
        var candidates = new List<(int Node, float Score)>(limit + 1) { (to, score) };
        var origin = VectorOf(from);
        for (var slot = 1; slot <= links[0]; slot++)
        {
            candidates.Add((links[slot], VectorMath.Score(Metric, origin, VectorOf(links[slot]))));
        }
        candidates.Sort((left, right) => left.Score.CompareTo(right.Score));
        var chosen = SelectNeighbors(candidates, limit);
        links[0] = 0;
        foreach (var (node, _) in chosen)
        {
            Append(links, node);
        }
    }

    /// <summary>Per-thread search state, reused so a search allocates nothing but its result.</summary>
    private sealed class SearchScratch
    {
        private int[] marks = [];
        private int epoch;

        public PriorityQueue<int, float> Candidates { get; } = new();

        public PriorityQueue<int, float> Kept { get; } = new(Comparer<float>.Create((left, right) => right.CompareTo(left)));

        public void Begin(int nodeCount)
        {
            Candidates.Clear();
            Kept.Clear();
            if (marks.Length < nodeCount)
            {
                marks = new int[Math.Max(nodeCount, marks.Length * 2)];
                epoch = 0;
            }
            if (++epoch == int.MaxValue)
            {
                Array.Clear(marks);
                epoch = 1;
            }
        }

        /// <summary>True the first time a node is seen in this search.</summary>
        public bool Visit(int node)
        {
            if (marks[node] == epoch)
            {
                return false;
            }
            marks[node] = epoch;
            return true;
        }
    }
}
