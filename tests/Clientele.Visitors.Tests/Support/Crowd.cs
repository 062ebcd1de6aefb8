namespace Clientele.Visitors.Tests.Support;

/// <summary>
/// The corrected generator of spec §2.3: dlib-like identities with population structure — eight groups (gender ×
/// ancestry, each a shifted mean), 3 % "typical" faces close to many others, anisotropic spread (a decaying spectrum over
/// a random orthonormal basis) — and sightings with a per-camera bias and 5 % poor frames 0.4–0.7 from the person's
/// centre. Calibrated on 300-person crowds to stranger pairs with min ≈ 0.46, 1st percentile ≈ 0.64, median ≈ 0.87 and
/// about 0.24 % under 0.6: slightly harder than the measured 0.5 / 0.66 / 0.87 / 0.22 %.
/// </summary>
public sealed class Crowd
{
    private const int Dimensions = Faces.Dimensions;
    private const int Groups = 8;
    private const int Cameras = 3;

    private readonly Random random;
    private readonly float[] meanFace;
    private readonly float[][] groupShifts;
    private readonly float[][] basis;
    private readonly float[] spread;
    private readonly float[][] cameraBias;

    public Crowd(int seed)
    {
        random = new Random(seed);
        meanFace = Scale(Gaussians(Dimensions, 1f), 1.32f);
        groupShifts = [.. Enumerable.Range(0, Groups).Select(_ => Gaussians(Dimensions, 0.32f / MathF.Sqrt(Dimensions)))];
        basis = Orthonormal();
        var decay = Enumerable.Range(1, Dimensions).Select(rank => MathF.Pow(rank, -0.4f)).ToArray();
        var total = MathF.Sqrt(decay.Sum(value => value * value));
        spread = [.. decay.Select(value => value / total * MathF.Sqrt(0.30f))];
        cameraBias = [.. Enumerable.Range(0, Cameras).Select(_ => Scale(Gaussians(Dimensions, 1f), 0.1f))];
    }

    /// <summary>
    /// Two weeks of a shop: <paramref name="people"/> identities, each coming 1–4 times in opening hours and seen in 3–8
    /// frames 5–20 s apart per visit by one camera, in time order.
    /// </summary>
    public (List<float[]> Identities, List<CrowdFrame> Frames) Fortnight(int people, int seed, DateTimeOffset opening)
    {
        var schedule = new Random(seed);
        var identities = Enumerable.Range(0, people).Select(_ => Identity()).ToList();
        var frames = new List<CrowdFrame>();
        for (var identity = 0; identity < identities.Count; identity++)
        {
            for (var visit = schedule.Next(1, 5); visit > 0; visit--)
            {
                var at = opening.AddDays(schedule.Next(14)).AddMinutes(schedule.Next(12 * 60));
                var camera = Camera();
                for (var frame = schedule.Next(3, 9); frame > 0; frame--)
                {
                    frames.Add(new CrowdFrame(at, identity, Sighting(identities[identity], camera)));
                    at = at.AddSeconds(schedule.Next(5, 20));
                }
            }
        }
        return (identities, [.. frames.OrderBy(frame => frame.At)]);
    }

    public float[] Identity()
    {
        var shrink = random.NextDouble() < 0.03 ? 0.75f : 1f;
        var face = (float[])meanFace.Clone();
        var group = groupShifts[random.Next(Groups)];
        for (var component = 0; component < Dimensions; component++)
        {
            var weight = Gaussian(spread[component]) * shrink;
            for (var dimension = 0; dimension < Dimensions; dimension++)
            {
                face[dimension] += weight * basis[component][dimension];
            }
        }
        return [.. face.Select((value, dimension) => value + group[dimension])];
    }

    public float[] Sighting(float[] identity, int camera)
    {
        if (random.NextDouble() < 0.05)
        {
            var direction = Scale(Gaussians(Dimensions, 1f), 0.4f + 0.3f * random.NextSingle());
            return [.. identity.Select((value, dimension) => value + direction[dimension])];
        }
        return [.. identity.Select((value, dimension) => value + cameraBias[camera][dimension] + Gaussian(0.022f))];
    }

    public int Camera() => random.Next(Cameras);

    private float[][] Orthonormal()
    {
        var vectors = new float[Dimensions][];
        for (var component = 0; component < Dimensions; component++)
        {
            var vector = Gaussians(Dimensions, 1f);
            for (var earlier = 0; earlier < component; earlier++)
            {
                var projection = vector.Select((value, dimension) => value * vectors[earlier][dimension]).Sum();
                for (var dimension = 0; dimension < Dimensions; dimension++)
                {
                    vector[dimension] -= projection * vectors[earlier][dimension];
                }
            }
            vectors[component] = Scale(vector, 1f);
        }
        return vectors;
    }

    private float[] Gaussians(int count, float sigma) => [.. Enumerable.Range(0, count).Select(_ => Gaussian(sigma))];

    private static float[] Scale(float[] vector, float length)
    {
        var norm = MathF.Sqrt(vector.Sum(value => value * value));
        return [.. vector.Select(value => value / norm * length)];
    }

    private float Gaussian(float sigma) => Faces.Gaussian(random, sigma);
}

/// <summary>One camera frame of a crowd identity.</summary>
public sealed record CrowdFrame(DateTimeOffset At, int Identity, float[] Vector);
