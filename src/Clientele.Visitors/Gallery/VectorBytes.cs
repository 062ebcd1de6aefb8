using System.Runtime.InteropServices;

namespace Clientele.Visitors.Gallery;

/// <summary>A vector as the database keeps it: its floats' bytes, little-endian on every platform .NET runs on here.</summary>
public static class VectorBytes
{
    public static byte[] From(ReadOnlySpan<float> vector) => MemoryMarshal.AsBytes(vector).ToArray();

    public static float[] ToVector(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();
}
