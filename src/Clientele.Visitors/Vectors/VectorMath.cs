using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Clientele.Visitors.Vectors;

/// <summary>
/// Distances between vectors. Indexes rank by a score that is cheaper than the distance and orders the same way:
/// squared L2 for Euclidean, 1 − dot product of unit vectors for cosine.
/// </summary>
public static class VectorMath
{
    /// <summary>The distance in <paramref name="metric"/> between two vectors of equal length.</summary>
    public static float Distance(VectorMetric metric, ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (left.Length != right.Length)
        {
            throw new ArgumentException($"Vectors differ in length ({left.Length} and {right.Length}).", nameof(right));
        }
        return metric == VectorMetric.Euclidean
            ? MathF.Sqrt(SquaredEuclidean(left, right))
            : 1f - TensorPrimitives.CosineSimilarity(left, right);
    }

    /// <summary>Throws unless the vector has the expected length, only finite values and (for cosine) a non-zero norm.</summary>
    public static void Validate(ReadOnlySpan<float> vector, int dimensions, string parameter)
    {
        if (vector.Length != dimensions)
        {
            throw new ArgumentException($"Vector must contain {dimensions} values, not {vector.Length}.", parameter);
        }
        foreach (var value in vector)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException("Vector must contain only finite values.", parameter);
            }
        }
        if (TensorPrimitives.Norm(vector) == 0f)
        {
            throw new ArgumentException("Vector must not be all zeros.", parameter);
        }
    }

    /// <summary>The vector in the form an index stores it: as is for Euclidean, scaled to unit length for cosine.</summary>
    internal static void Prepare(VectorMetric metric, ReadOnlySpan<float> vector, Span<float> destination)
    {
        if (metric == VectorMetric.Cosine)
        {
            TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), destination);
        }
        else
        {
            vector.CopyTo(destination);
        }
    }

    internal static float Score(VectorMetric metric, ReadOnlySpan<float> left, ReadOnlySpan<float> right) =>
        metric == VectorMetric.Euclidean ? SquaredEuclidean(left, right) : 1f - TensorPrimitives.Dot(left, right);

    internal static float ScoreToDistance(VectorMetric metric, float score) =>
        metric == VectorMetric.Euclidean ? MathF.Sqrt(MathF.Max(score, 0f)) : score;

    /// <summary>
    /// Two accumulators over <see cref="Vector{T}"/> lanes, inlined into the scan: measured faster than
    /// TensorPrimitives.Distance per 128-d row (spec §4.1), whose call overhead dominates at this length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float SquaredEuclidean(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        ref var leftStart = ref MemoryMarshal.GetReference(left);
        ref var rightStart = ref MemoryMarshal.GetReference(right);
        var length = left.Length;
        var width = Vector<float>.Count;
        var first = Vector<float>.Zero;
        var second = Vector<float>.Zero;
        var offset = 0;
        for (; offset <= length - 2 * width; offset += 2 * width)
        {
            var near = Vector.LoadUnsafe(ref leftStart, (nuint)offset) - Vector.LoadUnsafe(ref rightStart, (nuint)offset);
            var far = Vector.LoadUnsafe(ref leftStart, (nuint)(offset + width)) - Vector.LoadUnsafe(ref rightStart, (nuint)(offset + width));
            first = Vector.FusedMultiplyAdd(near, near, first);
            second = Vector.FusedMultiplyAdd(far, far, second);
        }
        for (; offset <= length - width; offset += width)
        {
            var difference = Vector.LoadUnsafe(ref leftStart, (nuint)offset) - Vector.LoadUnsafe(ref rightStart, (nuint)offset);
            first = Vector.FusedMultiplyAdd(difference, difference, first);
        }
        var total = Vector.Sum(first + second);
        for (; offset < length; offset++)
        {
            var difference = Unsafe.Add(ref leftStart, offset) - Unsafe.Add(ref rightStart, offset);
            total += difference * difference;
        }
        return total;
    }
}
