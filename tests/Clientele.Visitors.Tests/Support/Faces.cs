namespace Clientele.Visitors.Tests.Support;

/// <summary>
/// Synthetic dlib-like face vectors (spec §2.3): a shared "mean face" of norm about 1.32, identities spread around it
/// with σ ≈ 0.053 per dimension (strangers about 0.85 apart), and vectors placed at an exact distance from another for
/// the threshold scenarios. No real face is involved.
/// </summary>
public sealed class Faces(int seed)
{
    public const int Dimensions = 128;

    private readonly Random random = new(seed);
    private float[]? meanFace;

    public float[] Identity()
    {
        meanFace ??= Scaled(Direction(), 1.32f);
        return [.. meanFace.Select(value => value + Gaussian(0.053f))];
    }

    /// <summary>Another frame of the same face: per-dimension noise σ (0.025 puts frames about 0.28 from the centre).</summary>
    public float[] Sighting(float[] identity, float sigma = 0.025f) => [.. identity.Select(value => value + Gaussian(sigma))];

    /// <summary>A vector exactly <paramref name="distance"/> from <paramref name="origin"/> in a random direction.</summary>
    public float[] At(float[] origin, float distance) => Along(origin, Direction(), distance);

    public static float[] Along(float[] origin, float[] unitDirection, float distance) =>
        [.. origin.Select((value, index) => value + unitDirection[index] * distance)];

    public static float[] Midpoint(float[] left, float[] right) => [.. left.Select((value, index) => (value + right[index]) / 2)];

    public static float[] UnitTowards(float[] from, float[] to)
    {
        var difference = to.Select((value, index) => value - from[index]).ToArray();
        var norm = MathF.Sqrt(difference.Sum(value => value * value));
        return [.. difference.Select(value => value / norm)];
    }

    public float[] Direction()
    {
        var vector = Enumerable.Range(0, Dimensions).Select(_ => Gaussian(1f)).ToArray();
        return Scaled(vector, 1f);
    }

    private static float[] Scaled(float[] vector, float length)
    {
        var norm = MathF.Sqrt(vector.Sum(value => value * value));
        return [.. vector.Select(value => value / norm * length)];
    }

    /// <summary>A normal draw by Box–Muller.</summary>
    internal static float Gaussian(Random random, float sigma) =>
        sigma * MathF.Sqrt(-2f * MathF.Log(1f - random.NextSingle())) * MathF.Cos(2f * MathF.PI * random.NextSingle());

    private float Gaussian(float sigma) => Gaussian(random, sigma);
}
