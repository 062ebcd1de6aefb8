using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Clientele.Retail.Mining;

/// <summary>
/// Frequent itemsets by FP-growth: items recoded by descending support, the tree in arrays built from the sorted baskets,
/// conditional trees projected with a per-node memo (each ancestor path is walked once per projection), perfect extensions
/// (items in every basket of a conditional base) taken out of the trees and multiplied back into the output, and the
/// top-level conditional trees mined in parallel. The output order does not depend on the thread count.
/// </summary>
public static class FpGrowth
{
    public static FrequentItemsets Mine(BasketSet baskets, ItemsetMiningOptions options)
    {
        var minimumCount = Validate(baskets, options);
        // Closed and maximal need each itemset's one-larger supersets to be judged.
        var mineLength = options.Kind == ItemsetKind.All || options.MaxLength == int.MaxValue ? options.MaxLength : options.MaxLength + 1;
        var table = new ItemsetTable();
        new Miner(baskets, minimumCount, mineLength).Run(options.MaxDegreeOfParallelism, table);
        var all = table.ToFrequentItemsets(baskets, minimumCount);
        return options.Kind == ItemsetKind.All ? all : ItemsetIndex.Filter(all, options.Kind, options.MaxLength);
    }

    /// <summary>
    /// Hands each itemset to <paramref name="sink"/> as it is found, in the order <see cref="Mine(BasketSet, ItemsetMiningOptions)"/>
    /// lists them, without keeping them (closed and maximal itemsets are judged on the whole table first). Returns their number.
    /// </summary>
    public static long Mine(BasketSet baskets, ItemsetMiningOptions options, ItemsetSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var minimumCount = Validate(baskets, options);
        if (options.Kind != ItemsetKind.All)
        {
            var filtered = Mine(baskets, options);
            for (var i = 0; i < filtered.Count; i++)
            {
                sink.Add(filtered.Items(i), filtered.SupportCount(i));
            }
            return filtered.Count;
        }
        return new Miner(baskets, minimumCount, options.MaxLength).Run(options.MaxDegreeOfParallelism, sink);
    }

    private static int Validate(BasketSet baskets, ItemsetMiningOptions options)
    {
        ArgumentNullException.ThrowIfNull(baskets);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxLength, "The maximum itemset length must be at least 1.");
        }
        if (options.MinimumSupport == default)
        {
            throw new ArgumentException("A minimum support is required.", nameof(options));
        }
        return options.MinimumSupport.ToCount(baskets.Count);
    }

    private sealed class Miner
    {
        private readonly BasketSet _baskets;
        private readonly int _minimumCount;
        private readonly int _maxLength;
        private int[] _itemOfRank = [];
        private FpTree _tree = null!;

        public Miner(BasketSet baskets, int minimumCount, int maxLength)
        {
            _baskets = baskets;
            _minimumCount = minimumCount;
            _maxLength = maxLength;
        }

        public int MinimumCount => _minimumCount;

        public int MaxLength => _maxLength;

        public int[] ItemOfRank => _itemOfRank;

        public FpTree Tree => _tree;

        /// <summary>
        /// Mines each top-level item's itemsets in turn. In parallel, each top item's itemsets go to a table of their own,
        /// handed on to the sink in top-item order by whichever thread completes the next one due.
        /// </summary>
        public long Run(int parallelism, ItemsetSink sink)
        {
            BuildTree();
            var items = _tree.ItemCount;
            if (parallelism == 1 || items < 2 || Environment.ProcessorCount == 1)
            {
                var worker = new Worker(this);
                for (var i = 0; i < items; i++)
                {
                    worker.MineTopItem(items - 1 - i, sink);
                }
                return worker.Found;
            }
            var workers = new ConcurrentBag<Worker>();
            var idleTables = new ConcurrentBag<ItemsetTable>();
            var done = new ItemsetTable?[items];
            var handedOn = 0;
            Parallel.For(0, items, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                () => workers.TryTake(out var idle) ? idle : new Worker(this),
                (i, _, worker) =>
                {
                    var table = idleTables.TryTake(out var idle) ? idle : new ItemsetTable();
                    table.Clear();
                    worker.MineTopItem(items - 1 - i, table);
                    lock (done)
                    {
                        done[i] = table;
                        while (handedOn < items && done[handedOn] is { } next)
                        {
                            next.CopyTo(sink);
                            done[handedOn++] = null;
                            idleTables.Add(next);
                        }
                    }
                    return worker;
                },
                workers.Add);
            return workers.Sum(worker => worker.Found);
        }

        /// <summary>Recodes the frequent items by descending support and builds the tree from the baskets sorted lexicographically.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void BuildTree()
        {
            var support = new int[_baskets.ItemCount];
            for (var b = 0; b < _baskets.Count; b++)
            {
                foreach (var item in _baskets.Basket(b))
                {
                    support[item]++;
                }
            }
            // Descending support, then ascending id: one primitive sort of (−support, id) keys, no comparison delegate.
            var keys = new List<long>();
            for (var item = 0; item < support.Length; item++)
            {
                if (support[item] >= _minimumCount)
                {
                    keys.Add(((long)(int.MaxValue - support[item]) << 32) | (uint)item);
                }
            }
            var sorted = keys.ToArray();
            Array.Sort(sorted);
            _itemOfRank = new int[sorted.Length];
            for (var rank = 0; rank < sorted.Length; rank++)
            {
                _itemOfRank[rank] = (int)(sorted[rank] & 0xFFFFFFFF);
            }
            var rankOf = new int[_baskets.ItemCount];
            Array.Fill(rankOf, -1);
            for (var rank = 0; rank < _itemOfRank.Length; rank++)
            {
                rankOf[_itemOfRank[rank]] = rank;
            }

            var ranks = new IntList(1024);
            var offsets = new IntList(_baskets.Count + 1);
            offsets.Add(0);
            for (var b = 0; b < _baskets.Count; b++)
            {
                var basket = _baskets.Basket(b);
                ranks.EnsureRoom(basket.Length);
                var start = ranks.Count;
                foreach (var item in basket)
                {
                    var rank = rankOf[item];
                    if (rank >= 0)
                    {
                        ranks.Items[ranks.Count++] = rank;
                    }
                }
                if (ranks.Count > start)
                {
                    SortSmall(ranks.Items.AsSpan(start, ranks.Count - start));
                    offsets.Add(ranks.Count);
                }
            }
            var tree = new FpTree(Math.Max(16, ranks.Count / 2), _itemOfRank.Length);
            tree.Reset(_itemOfRank.Length);
            tree.ItemCount = _itemOfRank.Length;
            for (var rank = 0; rank < _itemOfRank.Length; rank++)
            {
                tree.GlobalItem[rank] = rank;
                tree.ItemSupport[rank] = support[_itemOfRank[rank]];
            }
            new TreeBuilder(tree, ranks.Items, offsets.ToArray()).Build();
            _tree = tree;
        }
    }

    /// <summary>Insertion sort for the short rows of a basket; the library sort beyond.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortSmall(Span<int> values)
    {
        if (values.Length > 32)
        {
            values.Sort();
            return;
        }
        for (var i = 1; i < values.Length; i++)
        {
            var value = values[i];
            var at = i;
            while (at > 0 && values[at - 1] > value)
            {
                values[at] = values[at - 1];
                at--;
            }
            values[at] = value;
        }
    }

    /// <summary>Builds the tree top-down by partitioning the baskets on their item at each depth (a radix sort that yields the nodes in pre-order).</summary>
    private sealed class TreeBuilder(FpTree tree, int[] items, int[] offsets)
    {
        private readonly int[] _rows = CreateRows(offsets.Length - 1);
        private readonly int[] _scratch = new int[offsets.Length - 1];
        private readonly int[] _count = new int[tree.ItemCount];
        private IntList _groups = new(256);

        public void Build()
        {
            if (_rows.Length > 0)
            {
                Partition(0, _rows.Length, 0, 0);
            }
            tree.Finish();
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Partition(int low, int high, int depth, int parent)
        {
            if (high - low == 1)
            {
                var row = _rows[low];
                var node = parent;
                for (var k = offsets[row] + depth; k < offsets[row + 1]; k++)
                {
                    node = tree.NewNode(node, items[k]);
                }
                tree.Count[node]++;
                return;
            }
            var count = _count;
            var first = _groups.Count;
            var ending = 0;
            for (var r = low; r < high; r++)
            {
                var row = _rows[r];
                var at = offsets[row] + depth;
                if (at == offsets[row + 1])
                {
                    ending++;
                }
                else if (count[items[at]]++ == 0)
                {
                    _groups.Add(items[at]);
                }
            }
            var groupCount = _groups.Count - first;
            var position = low + ending;
            for (var g = first; g < first + groupCount; g++)
            {
                var item = _groups.Items[g];
                var size = count[item];
                count[item] = position;
                position += size;
            }
            var endingAt = low;
            for (var r = low; r < high; r++)
            {
                var row = _rows[r];
                var at = offsets[row] + depth;
                _scratch[at == offsets[row + 1] ? endingAt++ : count[items[at]]++] = row;
            }
            _scratch.AsSpan(low, high - low).CopyTo(_rows.AsSpan(low));
            tree.Count[parent] += ending;
            // count[item] is now its group's end; keep (item, end) and clear the counter before going deeper.
            for (var g = first; g < first + groupCount; g++)
            {
                var item = _groups.Items[g];
                _groups.Add(count[item]);
                count[item] = 0;
            }
            var groupStart = low + ending;
            for (var g = 0; g < groupCount; g++)
            {
                var item = _groups.Items[first + g];
                var groupEnd = _groups.Items[first + groupCount + g];
                Partition(groupStart, groupEnd, depth + 1, tree.NewNode(parent, item));
                groupStart = groupEnd;
            }
            _groups.Count = first;
        }

        private static int[] CreateRows(int count)
        {
            var rows = new int[count];
            for (var i = 0; i < count; i++)
            {
                rows[i] = i;
            }
            return rows;
        }
    }

    /// <summary>One thread's buffers: a tree and a projection memo per depth, and the prefix being grown.</summary>
    private sealed class Worker
    {
        private readonly Miner _miner;
        private readonly int _minimumCount;
        private readonly int _maxLength;
        private readonly int[] _itemOfRank;
        private readonly List<Level> _levels = [];
        private readonly int[] _conditionalSupport;
        private readonly int[] _localOf;
        private readonly int[] _touched;
        // The prefix from its right end leftwards, deeper items (smaller ranks) further left: the prefix of length L is the
        // slice [_last + 1 − L, _last], already most frequent first, as ranks and as the caller's item ids.
        private readonly int[] _prefixRank;
        private readonly int[] _prefixItem;
        private readonly int _last;
        private readonly int[] _extensions;
        private readonly int[] _extensionOrder;
        private readonly int[] _itemset;
        private readonly int[] _mergedItem;
        private readonly uint[] _mergedSelector;
        private readonly LocalCopy _local = new();
        private IntList _walkEnds = new(256);
        private int _extensionCount;
        private ItemsetSink _sink = null!;

        public long Found { get; private set; }

        public Worker(Miner miner)
        {
            _miner = miner;
            _minimumCount = miner.MinimumCount;
            _maxLength = miner.MaxLength;
            _itemOfRank = miner.ItemOfRank;
            var items = _itemOfRank.Length + 1;
            _conditionalSupport = new int[items];
            _localOf = new int[items];
            _touched = new int[items];
            _prefixRank = new int[items];
            _prefixItem = new int[items];
            _last = items - 1;
            _extensions = new int[items];
            _extensionOrder = new int[items];
            _itemset = new int[items];
            _mergedItem = new int[items];
            _mergedSelector = new uint[items];
            _levels.Add(new Level(miner.Tree));
        }

        public void MineTopItem(int item, ItemsetSink sink)
        {
            _sink = sink;
            MineItem(0, item);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void SetPrefix(int depth, int rank)
        {
            _prefixRank[_last - depth] = rank;
            _prefixItem[_last - depth] = _itemOfRank[rank];
        }

        private void Mine(int depth)
        {
            for (var item = _levels[depth].Tree.ItemCount - 1; item >= 0; item--)
            {
                MineItem(depth, item);
            }
        }

        private void MineItem(int depth, int item)
        {
            var level = _levels[depth];
            var tree = level.Tree;
            SetPrefix(depth, tree.GlobalItem[item]);
            var support = tree.ItemSupport[item];
            var mark = _extensionCount;
            var conditionalItems = depth + 1 < _maxLength ? CountConditional(depth, item, support) : 0;
            Emit(depth + 1, support);
            if (conditionalItems > 0)
            {
                var next = _levels[depth + 1].Tree;
                BuildConditional(next);
                if (!TryEmitPath(depth + 1, next))
                {
                    Mine(depth + 1);
                }
            }
            _extensionCount = mark;
        }

        /// <summary>
        /// A conditional tree that is a single path needs no more projections: every subset of its items is frequent, with
        /// the count of its deepest node. The chosen items go after the prefix bottom-up, keeping the prefix in descending rank.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool TryEmitPath(int depth, FpTree tree)
        {
            var length = tree.ItemCount;
            if (tree.NodeCount - 1 != length || length > 20)
            {
                return false;
            }
            Span<int> path = stackalloc int[length];
            var node = 0;
            for (var k = 0; k < length; k++)
            {
                node = tree.FirstChild[node];
                if (node < 0 || tree.NextSibling[node] >= 0)
                {
                    return false;
                }
                path[k] = node;
            }
            var room = _maxLength - depth;
            for (var mask = 1; mask < 1 << length; mask++)
            {
                var size = BitOperations.PopCount((uint)mask);
                if (size > room)
                {
                    continue;
                }
                var deepest = 31 - BitOperations.LeadingZeroCount((uint)mask);
                var at = depth;
                for (var k = deepest; k >= 0; k--)
                {
                    if ((mask & (1 << k)) != 0)
                    {
                        SetPrefix(at++, tree.GlobalItem[tree.Nodes[path[k]].Item]);
                    }
                }
                Emit(at, tree.Count[path[deepest]]);
            }
            return true;
        }

        /// <summary>
        /// Supports of the items above <paramref name="item"/>'s nodes; codes the frequent ones for the next tree and sets the
        /// perfect extensions aside. Each ancestor is visited once: a walk up stops at a node an earlier walk reached. The
        /// visited nodes are copied into small local arrays (item, local parent), where the counts are summed up (later walks
        /// first, each from the bottom up) and from which <see cref="BuildConditional"/> projects, so the large tree is read
        /// once.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int CountConditional(int depth, int item, int support)
        {
            var level = _levels[depth];
            var tree = level.Tree;
            level.EnsureMemo(tree.NodeCount);
            var stamp = ++level.Stamp;
            var memo = level.Memo;
            var nodes = tree.Nodes;
            var counts = tree.Count;
            var headers = tree.HeaderNodes;
            var first = tree.HeaderStart[item];
            var last = tree.HeaderStart[item + 1];
            _local.Ensure(Math.Min(tree.NodeCount, (last - first) * (tree.ItemCount + 1)), last - first);
            var localItem = _local.Item;
            var localParent = _local.Parent;
            var localSum = _local.Sum;
            var below = _local.BelowParent;
            var belowCount = _local.BelowCount;
            var visited = 0;
            var bottoms = 0;
            _walkEnds.Count = 0;
            for (var k = first; k < last; k++)
            {
                var node = headers[k];
                var above = nodes[node].Parent;
                if (above == 0)
                {
                    continue;
                }
                if (memo[above].Stamp != stamp)
                {
                    var ancestor = above;
                    while (true)
                    {
                        memo[ancestor] = new Memo(stamp, visited);
                        var link = nodes[ancestor];
                        localItem[visited] = link.Item;
                        localSum[visited] = 0;
                        var up = link.Parent;
                        if (up == 0)
                        {
                            localParent[visited++] = -1;
                            break;
                        }
                        if (memo[up].Stamp == stamp)
                        {
                            localParent[visited++] = memo[up].Local;
                            break;
                        }
                        localParent[visited] = visited + 1;
                        visited++;
                        ancestor = up;
                    }
                    _walkEnds.Add(visited);
                }
                var local = memo[above].Local;
                var count = counts[node];
                localSum[local] += count;
                below[bottoms] = local;
                belowCount[bottoms++] = count;
            }
            _local.Bottoms = bottoms;
            if (visited == 0)
            {
                return 0;
            }
            var conditional = _conditionalSupport;
            var touched = _touched;
            var touchedCount = 0;
            for (var walk = _walkEnds.Count - 1; walk >= 0; walk--)
            {
                for (int v = walk == 0 ? 0 : _walkEnds.Items[walk - 1], to = _walkEnds.Items[walk]; v < to; v++)
                {
                    var count = localSum[v];
                    var it = localItem[v];
                    if (conditional[it] == 0)
                    {
                        touched[touchedCount++] = it;
                    }
                    conditional[it] += count;
                    var up = localParent[v];
                    if (up >= 0)
                    {
                        localSum[up] += count;
                    }
                }
            }
            if (_levels.Count == depth + 1)
            {
                _levels.Add(new Level(new FpTree(64, touchedCount)));
            }
            var next = _levels[depth + 1].Tree;
            next.Reset(touchedCount);
            var code = 0;
            for (var k = 0; k < touchedCount; k++)
            {
                var it = touched[k];
                var itemSupport = conditional[it];
                conditional[it] = 0;
                if (itemSupport < _minimumCount)
                {
                    _localOf[it] = -1;
                }
                else if (itemSupport == support)
                {
                    _localOf[it] = -1;
                    _extensions[_extensionCount++] = tree.GlobalItem[it];
                }
                else
                {
                    _localOf[it] = code;
                    next.GlobalItem[code] = tree.GlobalItem[it];
                    next.ItemSupport[code++] = itemSupport;
                }
            }
            next.ItemCount = code;
            return code;
        }

        /// <summary>Projects the nodes <see cref="CountConditional"/> copied into <paramref name="next"/>, parents before children, and adds the counts of the nodes below them.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void BuildConditional(FpTree next)
        {
            var localItem = _local.Item;
            var localParent = _local.Parent;
            var projected = _local.Sum;
            var localOf = _localOf;
            for (var walk = 0; walk < _walkEnds.Count; walk++)
            {
                for (int v = _walkEnds.Items[walk] - 1, from = walk == 0 ? 0 : _walkEnds.Items[walk - 1]; v >= from; v--)
                {
                    var up = localParent[v];
                    var current = up < 0 ? 0 : projected[up];
                    var code = localOf[localItem[v]];
                    projected[v] = code >= 0 ? next.Child(current, code) : current;
                }
            }
            var below = _local.BelowParent;
            var belowCount = _local.BelowCount;
            var counts = next.Count;
            for (var k = 0; k < _local.Bottoms; k++)
            {
                counts[projected[below[k]]] += belowCount[k];
            }
            next.Finish();
        }

        /// <summary>Hands on the prefix with every subset of the perfect extensions that fits the maximum length, each merged in by rank.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Emit(int length, int support)
        {
            var start = _last + 1 - length;
            var extensions = _extensionCount;
            if (extensions == 0)
            {
                _sink.Add(_prefixItem.AsSpan(start, length), support);
                Found++;
                return;
            }
            if (extensions >= 31)
            {
                throw new InvalidOperationException("Too many frequent itemsets (2^31 or more); raise the minimum support or lower the maximum length.");
            }
            // The prefix and the extensions merged by rank once; then each subset keeps the prefix's places and its own
            // extensions', without a branch: place p is kept when the mask (with bit 31, the prefix's, set) meets its selector.
            var total = MergeExtensions(start, extensions);
            var mergedItem = _mergedItem;
            var selector = _mergedSelector;
            var room = _maxLength - length;
            var itemset = _itemset;
            for (var mask = 0; mask < 1 << extensions; mask++)
            {
                if (BitOperations.PopCount((uint)mask) > room)
                {
                    continue;
                }
                var keep = (uint)mask | PrefixSelector;
                var size = 0;
                for (var p = 0; p < total; p++)
                {
                    itemset[size] = mergedItem[p];
                    size += (keep & selector[p]) != 0 ? 1 : 0;
                }
                _sink.Add(itemset.AsSpan(0, size), support);
                Found++;
            }
        }

        private const uint PrefixSelector = 1u << 31;

        private int MergeExtensions(int start, int extensions)
        {
            var order = _extensionOrder;
            for (var k = 0; k < extensions; k++)
            {
                var at = k;
                while (at > 0 && _extensions[order[at - 1]] > _extensions[k])
                {
                    order[at] = order[at - 1];
                    at--;
                }
                order[at] = k;
            }
            var total = 0;
            var from = start;
            for (var k = 0; k < extensions; k++)
            {
                var rank = _extensions[order[k]];
                while (from <= _last && _prefixRank[from] < rank)
                {
                    _mergedSelector[total] = PrefixSelector;
                    _mergedItem[total++] = _prefixItem[from++];
                }
                _mergedSelector[total] = 1u << order[k];
                _mergedItem[total++] = _itemOfRank[rank];
            }
            while (from <= _last)
            {
                _mergedSelector[total] = PrefixSelector;
                _mergedItem[total++] = _prefixItem[from++];
            }
            return total;
        }
    }

    private sealed class Level(FpTree tree)
    {
        public FpTree Tree { get; } = tree;
        public Memo[] Memo = [];
        public int Stamp;

        public void EnsureMemo(int nodes)
        {
            if (Memo.Length < nodes)
            {
                Array.Resize(ref Memo, Math.Max(nodes, Memo.Length * 2));
            }
        }
    }

    /// <summary>A tree node's local copy in the current projection, valid while <see cref="Stamp"/> is its level's stamp.</summary>
    private readonly record struct Memo(int Stamp, int Local);

    /// <summary>The visited ancestors of one projection (item, local parent or −1, summed count, then projected node) and the nodes below them.</summary>
    private sealed class LocalCopy
    {
        public int[] Item = [];
        public int[] Parent = [];
        public int[] Sum = [];
        public int[] BelowParent = [];
        public int[] BelowCount = [];
        public int Bottoms;

        public void Ensure(int visited, int bottoms)
        {
            if (Item.Length < visited)
            {
                var size = Math.Max(visited, Item.Length * 2);
                Item = new int[size];
                Parent = new int[size];
                Sum = new int[size];
            }
            if (BelowParent.Length < bottoms)
            {
                var size = Math.Max(bottoms, BelowParent.Length * 2);
                BelowParent = new int[size];
                BelowCount = new int[size];
            }
        }
    }
}
