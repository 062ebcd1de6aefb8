using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Clientele.Retail.Mining;

/// <summary>
/// Writes itemsets in <see cref="MiningCsv"/>'s itemsets format as they come. Each label is encoded once and each count's
/// line ending (support and count) once, so an itemset is a few byte copies into a large buffer.
/// </summary>
public sealed class ItemsetCsvWriter : ItemsetSink, IDisposable
{
    private readonly Stream _output;
    private readonly int _basketCount;
    // Every label's encoded bytes followed by a comma, label i from _labelStart[i] to _labelStart[i + 1], and a block's
    // worth of padding at the end: labels up to a block long are copied a whole block at a time, the excess overwritten.
    private const int Block = 16;
    private readonly byte[] _labels;
    private readonly int[] _labelStart;
    private readonly int _widestLabel;
    private readonly byte[]?[] _endings;
    private byte[] _buffer = new byte[1 << 16];
    private int _used;

    public ItemsetCsvWriter(Stream output, IReadOnlyList<string> labels, int basketCount)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(labels);
        _output = output;
        _basketCount = basketCount;
        var encoded = MiningCsv.EncodeLabels(labels);
        _labelStart = new int[encoded.Length + 1];
        for (var i = 0; i < encoded.Length; i++)
        {
            _labelStart[i + 1] = _labelStart[i] + encoded[i].Length + 1;
            _widestLabel = Math.Max(_widestLabel, encoded[i].Length + 1);
        }
        _labels = new byte[_labelStart[^1] + Block];
        for (var i = 0; i < encoded.Length; i++)
        {
            encoded[i].CopyTo(_labels, _labelStart[i]);
            _labels[_labelStart[i + 1] - 1] = (byte)',';
        }
        _endings = new byte[]?[basketCount + 1];
        "itemset,support,count\n"u8.CopyTo(_buffer);
        _used = "itemset,support,count\n"u8.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Add(ReadOnlySpan<int> items, int count)
    {
        var ending = _endings[count] ??= Ending(count);
        var most = 2 + items.Length * Math.Max(_widestLabel, Block) + ending.Length;
        if (_used + most > _buffer.Length)
        {
            Flush();
            if (most > _buffer.Length)
            {
                _buffer = new byte[most];
            }
        }
        var buffer = _buffer;
        var labels = _labels;
        var starts = _labelStart;
        var at = _used;
        buffer[at++] = (byte)'"';
        buffer[at++] = (byte)'[';
        if (_widestLabel <= Block)
        {
            // Room for every copy was made above, and the labels carry a block of padding.
            ref var source = ref MemoryMarshal.GetArrayDataReference(labels);
            ref var target = ref MemoryMarshal.GetArrayDataReference(buffer);
            foreach (var item in items)
            {
                var from = starts[item];
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, at), Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.Add(ref source, from)));
                at += starts[item + 1] - from;
            }
        }
        else
        {
            foreach (var item in items)
            {
                var from = starts[item];
                var length = starts[item + 1] - from;
                labels.AsSpan(from, length).CopyTo(buffer.AsSpan(at));
                at += length;
            }
        }
        if (!items.IsEmpty)
        {
            at--;
        }
        ending.CopyTo(buffer.AsSpan(at));
        _used = at + ending.Length;
    }

    public void Dispose()
    {
        Flush();
        _output.Flush();
    }

    private byte[] Ending(int count) =>
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"]\",{MiningCsv.Format((double)count / _basketCount)},{count}\n"));

    private void Flush()
    {
        _output.Write(_buffer, 0, _used);
        _used = 0;
    }
}
