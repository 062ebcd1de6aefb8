using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Clientele.Retail.Mining;

/// <summary>
/// Reads baskets: FIMI <c>.dat</c> (one basket per line, non-negative item numbers separated by blanks, trailing blanks
/// allowed) or CSV with one basket per line (labels separated by commas, kept exactly as written: only the line's
/// <c>\r\n</c> is removed, never a label's blanks). Empty fields are skipped; a blank line is an empty basket.
/// </summary>
public static class BasketReader
{
    /// <summary>A <c>.csv</c> file is read as CSV, anything else as FIMI.</summary>
    public static BasketSet Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        return Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(bytes, name) : ReadFimi(bytes, name);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static BasketSet ReadFimi(ReadOnlySpan<byte> bytes, string source = "input")
    {
        var builder = new BasketSetBuilder(bytes.Length / 3 + 16, bytes.Length / 32 + 16);
        var ids = new RawIdMap();
        var value = 0;
        var inNumber = false;
        var line = 1;
        for (var i = 0; i < bytes.Length; i++)
        {
            var digit = (uint)(bytes[i] - (byte)'0');
            if (digit <= 9)
            {
                if (value > (int.MaxValue - (int)digit) / 10)
                {
                    throw Bad(bytes, i, line, source, "is larger than " + int.MaxValue.ToString(CultureInfo.InvariantCulture));
                }
                value = value * 10 + (int)digit;
                inNumber = true;
                continue;
            }
            var b = bytes[i];
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                throw Bad(bytes, i, line, source, "is not an item number (FIMI .dat holds non-negative integers separated by blanks)");
            }
            if (inNumber)
            {
                builder.AddItem(ids.DenseId(value, builder));
                value = 0;
                inNumber = false;
            }
            if (b == (byte)'\n')
            {
                builder.EndBasket();
                line++;
            }
        }
        if (inNumber)
        {
            builder.AddItem(ids.DenseId(value, builder));
        }
        if (builder.PendingItems > 0)
        {
            builder.EndBasket();
        }
        return Finish(builder, source);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static BasketSet ReadCsv(ReadOnlySpan<byte> bytes, string source = "input")
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        var builder = new BasketSetBuilder(bytes.Length / 8 + 16, bytes.Length / 64 + 16);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var chars = new char[256];
        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..end];
            bytes = end < 0 ? [] : bytes[(end + 1)..];
            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }
            if (chars.Length < line.Length)
            {
                chars = new char[line.Length * 2];
            }
            var text = chars.AsSpan(0, Encoding.UTF8.GetChars(line, chars));
            foreach (var range in text.Split(','))
            {
                var label = text[range];
                if (label.IsEmpty)
                {
                    continue;
                }
                if (!lookup.TryGetValue(label, out var id))
                {
                    id = ids.Count;
                    var name = label.ToString();
                    ids.Add(name, id);
                    builder.AddLabel(name);
                }
                builder.AddItem(id);
            }
            builder.EndBasket();
        }
        return Finish(builder, source);
    }

    private static BasketSet Finish(BasketSetBuilder builder, string source) =>
        builder.BasketCount == 0 ? throw new InvalidDataException($"{source} holds no baskets (the file is empty).") : builder.Build();

    private static InvalidDataException Bad(ReadOnlySpan<byte> bytes, int at, int line, string source, string problem)
    {
        var start = at;
        while (start > 0 && bytes[start - 1] is not ((byte)' ' or (byte)'\t' or (byte)'\n'))
        {
            start--;
        }
        var end = at;
        while (end < bytes.Length && bytes[end] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            end++;
        }
        var token = Encoding.UTF8.GetString(bytes[start..Math.Min(end, start + 40)]);
        return new InvalidDataException($"{source}, line {line}: '{token}' {problem}.");
    }

    /// <summary>FIMI numbers to dense ids: an array while the numbers are small, a dictionary beyond.</summary>
    private sealed class RawIdMap
    {
        private const int ArrayLimit = 1 << 22;
        private int[] _dense = CreateDense(1024);
        private Dictionary<int, int>? _large;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int DenseId(int raw, BasketSetBuilder builder)
        {
            if (raw < ArrayLimit)
            {
                if (raw >= _dense.Length)
                {
                    var grown = CreateDense(Math.Min(ArrayLimit, Math.Max(raw + 1, _dense.Length * 2)));
                    _dense.CopyTo(grown, 0);
                    _dense = grown;
                }
                ref var id = ref _dense[raw];
                if (id < 0)
                {
                    id = NewId(raw, builder);
                }
                return id;
            }
            _large ??= [];
            if (!_large.TryGetValue(raw, out var dense))
            {
                dense = NewId(raw, builder);
                _large.Add(raw, dense);
            }
            return dense;
        }

        private int _count;

        private int NewId(int raw, BasketSetBuilder builder)
        {
            builder.AddLabel(raw.ToString(CultureInfo.InvariantCulture));
            return _count++;
        }

        private static int[] CreateDense(int length)
        {
            var dense = new int[length];
            Array.Fill(dense, -1);
            return dense;
        }
    }
}
