using System.Runtime.CompilerServices;

namespace Clientele.Retail.Mining;

/// <summary>
/// An FP-tree in parallel arrays (node 0 is the root). Items are the tree's own codes 0 … <see cref="ItemCount"/> − 1 in
/// the global frequency order, so a node's ancestors always have smaller codes. <see cref="HeaderNodes"/> lists each item's
/// nodes contiguously (from <see cref="HeaderStart"/>), in place of the linked header lists of the textbook tree.
/// </summary>
internal sealed class FpTree(int nodeCapacity, int itemCapacity)
{
    /// <summary>Parent and item side by side: a walk up the tree reads both, one cache line instead of two.</summary>
    public Node[] Nodes = new Node[nodeCapacity];
    public int[] Count = new int[nodeCapacity];
    public int[] FirstChild = new int[nodeCapacity];
    public int[] NextSibling = new int[nodeCapacity];
    public int NodeCount;
    public int ItemCount;
    public int[] GlobalItem = new int[itemCapacity];
    public int[] ItemSupport = new int[itemCapacity];
    public int[] HeaderStart = new int[itemCapacity + 1];
    public int[] HeaderNodes = new int[nodeCapacity];

    public void Reset(int itemCapacity)
    {
        if (GlobalItem.Length < itemCapacity)
        {
            GlobalItem = new int[itemCapacity];
            ItemSupport = new int[itemCapacity];
            HeaderStart = new int[itemCapacity + 1];
        }
        NodeCount = 1;
        Nodes[0] = new Node(-1, -1);
        Count[0] = 0;
        FirstChild[0] = -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NewNode(int parent, int item)
    {
        if (NodeCount == Nodes.Length)
        {
            Grow();
        }
        var node = NodeCount++;
        Nodes[node] = new Node(parent, item);
        Count[node] = 0;
        FirstChild[node] = -1;
        NextSibling[node] = FirstChild[parent];
        FirstChild[parent] = node;
        return node;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Child(int parent, int item)
    {
        for (var child = FirstChild[parent]; child >= 0; child = NextSibling[child])
        {
            if (Nodes[child].Item == item)
            {
                return child;
            }
        }
        return NewNode(parent, item);
    }

    /// <summary>Turns each node's own count (baskets ending there) into its subtree's count and fills the header lists.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Finish()
    {
        var count = Count;
        var nodes = Nodes;
        for (var node = NodeCount - 1; node > 0; node--)
        {
            count[nodes[node].Parent] += count[node];
        }
        var start = HeaderStart.AsSpan(0, ItemCount + 1);
        start.Clear();
        for (var node = 1; node < NodeCount; node++)
        {
            start[nodes[node].Item + 1]++;
        }
        for (var i = 1; i < start.Length; i++)
        {
            start[i] += start[i - 1];
        }
        if (HeaderNodes.Length < Nodes.Length)
        {
            HeaderNodes = new int[Nodes.Length];
        }
        var headers = HeaderNodes;
        // Fill back to front, each item's bucket from its end, so the nodes stay in ascending order and no cursor array is needed.
        for (var node = NodeCount - 1; node > 0; node--)
        {
            headers[--start[nodes[node].Item + 1]] = node;
        }
        // start[i + 1] now equals the old start[i]; shift back.
        for (var i = 0; i < ItemCount; i++)
        {
            start[i] = start[i + 1];
        }
        start[ItemCount] = NodeCount - 1;
    }

    private void Grow()
    {
        var size = Nodes.Length * 2;
        Array.Resize(ref Nodes, size);
        Array.Resize(ref Count, size);
        Array.Resize(ref FirstChild, size);
        Array.Resize(ref NextSibling, size);
    }
}

internal readonly record struct Node(int Parent, int Item);
