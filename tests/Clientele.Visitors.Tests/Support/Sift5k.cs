using System.Globalization;

namespace Clientele.Visitors.Tests.Support;

/// <summary>
/// A set-up of shared/data/vectors/sift5k (SOURCE.md) with its exact 100-NN ids and squared distances. The split (base =
/// rows 0–4899 of sift-dataset-5k.tsv, queries = rows 4900–4999) is in distribution; the out-of-distribution one uses
/// all 5,000 rows and the siftsmall queries.
/// </summary>
public sealed record Sift5k(float[][] Base, float[][] Queries, int[][] TruthIds, float[][] TruthSquaredDistances)
{
    public const int BaseRows = 4900;

    public static Sift5k Read(string folder)
    {
        var rows = ReadRows(folder);
        return new Sift5k(rows[..BaseRows], rows[BaseRows..], ReadIds(folder, "split"), ReadFloats(folder, "sift5k_split_groundtruth_sqdist.fvecs"));
    }

    public static Sift5k ReadOutOfDistribution(string folder) =>
        new(ReadRows(folder), ReadFloats(folder, "siftsmall_query.fvecs"), ReadIds(folder, "siftsmallq"),
            ReadFloats(folder, "sift5k_siftsmallq_groundtruth_sqdist.fvecs"));

    /// <summary>
    /// Recall@k by distance, as SOURCE.md asks: a returned neighbour counts when its distance is within the true k-th
    /// distance (ties make id sets ambiguous).
    /// </summary>
    public static double Recall(IReadOnlyList<float> returnedDistances, float trueKthDistance, int k) =>
        (double)returnedDistances.Take(k).Count(distance => distance <= trueKthDistance * 1.0001f + 1e-3f) / k;

    /// <summary>The 5,000 rows without NGT's id column.</summary>
    private static float[][] ReadRows(string folder) =>
        [.. File.ReadLines(Path.Combine(folder, "sift-dataset-5k.tsv"))
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t').Take(128).Select(value => float.Parse(value, CultureInfo.InvariantCulture)).ToArray())];

    private static int[][] ReadIds(string folder, string setup) =>
        ReadVecs(Path.Combine(folder, $"sift5k_{setup}_groundtruth.ivecs"), (bytes, offset) => BitConverter.ToInt32(bytes, offset));

    private static float[][] ReadFloats(string folder, string file) =>
        ReadVecs(Path.Combine(folder, file), (bytes, offset) => BitConverter.ToSingle(bytes, offset));

    /// <summary>TEXMEX .ivecs/.fvecs: each record is an int32 length and that many 4-byte values, little endian.</summary>
    private static T[][] ReadVecs<T>(string path, Func<byte[], int, T> value)
    {
        var bytes = File.ReadAllBytes(path);
        var records = new List<T[]>();
        for (var offset = 0; offset < bytes.Length;)
        {
            var length = BitConverter.ToInt32(bytes, offset);
            var record = new T[length];
            for (var position = 0; position < length; position++)
            {
                record[position] = value(bytes, offset + 4 + 4 * position);
            }
            records.Add(record);
            offset += 4 + 4 * length;
        }
        return [.. records];
    }
}
