using Clientele.Visitors.Tests.Support;
using Clientele.Visitors.Vectors;

namespace Clientele.Visitors.Bench;

/// <summary>
/// A clustered Gaussian set for scale (spec §3: generated in code with a fixed seed, exact ground truth by our own brute
/// force): 1 000 centres N(0, 1) per dimension, each row a centre plus N(0, 0.8) noise (clusters overlap), 200 queries drawn the same way.
/// Written as base.fvecs, query.fvecs and truth_sqdist.fvecs (the 10 nearest squared distances) for the anchors.
/// </summary>
internal static class SyntheticSet
{
    private const int Dimensions = 128;

    public static Sift5k Write(int count, string folder)
    {
        var random = new Random(2026);
        var centres = Enumerable.Range(0, 1000).Select(_ => Draw(random, new float[Dimensions], 1f)).ToArray();
        float[] Row() => Draw(random, centres[random.Next(centres.Length)], 0.8f);
        var rows = Enumerable.Range(0, count).Select(_ => Row()).ToArray();
        var queries = Enumerable.Range(0, 200).Select(_ => Row()).ToArray();
        using var exact = new ExactIndex(Dimensions, capacity: count);
        for (var row = 0; row < rows.Length; row++)
        {
            exact.Upsert(row, rows[row]);
        }
        var truth = queries.Select(query => exact.Search(query, 10).Select(neighbor => neighbor.Distance * neighbor.Distance).ToArray()).ToArray();
        Directory.CreateDirectory(folder);
        WriteVecs(Path.Combine(folder, "base.fvecs"), rows);
        WriteVecs(Path.Combine(folder, "query.fvecs"), queries);
        WriteVecs(Path.Combine(folder, "truth_sqdist.fvecs"), truth);
        return new Sift5k(rows, queries, [], truth);
    }

    private static float[] Draw(Random random, float[] centre, float sigma) =>
        [.. centre.Select(value => value + Faces.Gaussian(random, sigma))];

    private static void WriteVecs(string path, float[][] records)
    {
        using var writer = new BinaryWriter(File.Create(path));
        foreach (var record in records)
        {
            writer.Write(record.Length);
            foreach (var value in record)
            {
                writer.Write(value);
            }
        }
    }
}
