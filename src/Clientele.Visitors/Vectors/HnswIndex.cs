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
        Span<float> prepared = Dimensions <= 1024 ? stackalloc float[Dimensions] : new float[Dimensions];
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
            var foundCount = SearchLayer(prepared, node, score, Math.Max(EfSearch, count), 0, liveOnly: true, scratch);
            var found = scratch.Found;
            var result = new Neighbor[Math.Min(count, foundCount)];
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Score(int left, int right) => Score(VectorOf(left), right);

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
        upperLinks[node] = layer == 0 ? null : NewUpperLinks(layer);
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
            var foundCount = SearchLayer(vector, closest, closestScore, parameters.EfConstruction, level, liveOnly: false, scratch);
            var found = scratch.Found.AsSpan(0, foundCount);
            var chosen = scratch.Chosen(parameters.M);
            var chosenCount = SelectNeighbors(found, chosen);
            var links = LinksOf(node, level);
            for (var index = 0; index < chosenCount; index++)
            {
                Append(links, chosen[index].Node);
                Link(chosen[index].Node, node, chosen[index].Score, level, scratch);
            }
            (closest, closestScore) = found[0];
        }
        if (layer > topLayer)
        {
            entryNode = node;
            topLayer = layer;
        }
    }

    private int[][] NewUpperLinks(int layer)
    {
        var links = new int[layer][];
        for (var level = 0; level < layer; level++)
        {
            links[level] = new int[parameters.M + 1];
        }
        return links;
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
    /// Best-first search of one layer keeping the <paramref name="width"/> closest nodes; they are left in
    /// <see cref="SearchScratch.Found"/>, nearest first, and their number is returned. With <paramref name="liveOnly"/>
    /// tombstones are walked through but not kept.
    /// </summary>
    private int SearchLayer(
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
            kept.Enqueue(start, -startScore);
            bound = startScore;
        }
        while (candidates.Count > 0)
        {
            var currentScore = TopScore(candidates);
            if (currentScore > bound && kept.Count >= width)
            {
                break;
            }
            var current = candidates.Dequeue();
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
                        kept.Enqueue(neighbor, -score);
                        if (kept.Count > width)
                        {
                            kept.Dequeue();
                        }
                        bound = -TopScore(kept);
                    }
                }
            }
        }
        // The kept heap pops farthest first, so fill the result from its end.
        var count = kept.Count;
        var found = scratch.Reserve(count);
        for (var rank = count - 1; rank >= 0; rank--)
        {
            var score = -TopScore(kept);
            found[rank] = (kept.Dequeue(), score);
        }
        return count;
    }

    /// <summary>
    /// The paper's heuristic: walk <paramref name="candidates"/> (nearest first) and keep one only if no kept link is
    /// closer to it, until <paramref name="chosen"/> is full. Returns how many were kept.
    /// </summary>
    private int SelectNeighbors(ReadOnlySpan<(int Node, float Score)> candidates, Span<(int Node, float Score)> chosen)
    {
        var count = 0;
        foreach (var candidate in candidates)
        {
            if (count == chosen.Length)
            {
                break;
            }
            var diverse = true;
            var origin = VectorOf(candidate.Node);
            for (var index = 0; index < count; index++)
            {
                if (Score(origin, chosen[index].Node) < candidate.Score)
                {
                    diverse = false;
                    break;
                }
            }
            if (diverse)
            {
                chosen[count++] = candidate;
            }
        }
        return count;
    }

    /// <summary>
    /// Adds the back link; a full list is re-chosen by the heuristic from its links plus the newcomer. The candidates
    /// (at most 2M + 1) are ordered by insertion into a reused buffer, so nothing is allocated.
    /// </summary>
    private void Link(int from, int to, float score, int level, SearchScratch scratch)
    {
        var links = LinksOf(from, level);
        var limit = links.Length - 1;
        if (links[0] < limit)
        {
            Append(links, to);
            return;
        }
        var candidates = scratch.Overflow(limit + 1);
        candidates[0] = (to, score);
        var origin = VectorOf(from);
        var count = 1;
        for (var slot = 1; slot <= links[0]; slot++)
        {
            var neighbor = links[slot];
            var neighborScore = Score(origin, neighbor);
            var at = count++;
            while (at > 0 && candidates[at - 1].Score > neighborScore)
            {
                candidates[at] = candidates[at - 1];
                at--;
            }
            candidates[at] = (neighbor, neighborScore);
        }
        var chosen = scratch.OverflowChosen(limit);
        var chosenCount = SelectNeighbors(candidates[..count], chosen);
        links[0] = 0;
        for (var index = 0; index < chosenCount; index++)
        {
            Append(links, chosen[index].Node);
        }
    }

    /// <summary>Per-thread search and insert state, reused so a search allocates nothing but its result.</summary>
    private sealed class SearchScratch
    {
        private int[] marks = [];
        private int epoch;
        private (int Node, float Score)[] chosen = [];
        private (int Node, float Score)[] overflow = [];
        private (int Node, float Score)[] overflowChosen = [];

        /// <summary>Nodes still to expand, nearest on top.</summary>
        public PriorityQueue<int, float> Candidates { get; } = new();

        /// <summary>The best nodes so far, scores negated so the farthest is on top.</summary>
        public PriorityQueue<int, float> Kept { get; } = new();

        /// <summary>The last search's result, nearest first.</summary>
        public (int Node, float Score)[] Found { get; private set; } = [];

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
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(int node)
        {
            if (marks[node] == epoch)
            {
                return false;
            }
            marks[node] = epoch;
            return true;
        }

        public (int Node, float Score)[] Reserve(int count) => Found = Grow(Found, count);

        public Span<(int Node, float Score)> Chosen(int count) => (chosen = Grow(chosen, count)).AsSpan(0, count);

        public Span<(int Node, float Score)> Overflow(int count) => (overflow = Grow(overflow, count)).AsSpan(0, count);

        public Span<(int Node, float Score)> OverflowChosen(int count) =>
            (overflowChosen = Grow(overflowChosen, count)).AsSpan(0, count);

        private static (int Node, float Score)[] Grow((int Node, float Score)[] buffer, int count) =>
            buffer.Length >= count ? buffer : new (int Node, float Score)[Math.Max(count, buffer.Length * 2)];
    }

    /// <summary>The smallest score in a heap (the kept set holds negated scores, so its top is the worst kept).</summary>
    private static float TopScore(PriorityQueue<int, float> heap)
    {
        heap.TryPeek(out _, out var score);
        return score;
    }
}
