using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Clientele.Retail.Mining;

/// <summary>A byte buffer flushed to the stream in large blocks.</summary>
internal sealed class ByteWriter(Stream output) : IDisposable
{
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _used;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte value)
    {
        if (_used == _buffer.Length)
        {
            Flush();
        }
        _buffer[_used++] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_used + bytes.Length > _buffer.Length)
        {
            Flush();
            if (bytes.Length > _buffer.Length)
            {
                output.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    public void Write(int value)
    {
        if (_used + 11 > _buffer.Length)
        {
            Flush();
        }
        value.TryFormat(_buffer.AsSpan(_used), out var written, default, CultureInfo.InvariantCulture);
        _used += written;
    }

    public void Dispose()
    {
        Flush();
        output.Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    private void Flush()
    {
        output.Write(_buffer, 0, _used);
        _used = 0;
    }
}
