using System.Diagnostics;
using System.Globalization;
using Clientele.Visitors.Bench;
using Clientele.Visitors.Tests.Support;
using Clientele.Visitors.Vectors;

// Usage: Clientele.Visitors.Bench sift <sift5k folder> [repeat=50] [ef list=10,20,40,80,160]
//        Clientele.Visitors.Bench synthetic <count> <folder to write> [repeat=50] [ef list]
// One thread, queries sent one by one after a warm-up, recall@10 by distance against exact ground truth (the curator's
// for sift5k; for the synthetic set our exact index's, written with the set as .fvecs so the anchors read the same files).
// Prints tab-separated rows: setup, engine, setting, build seconds, queries per second, recall@10.
if (args.Length < 2 || args[0] is not ("sift" or "synthetic") || (args[0] == "synthetic" && args.Length < 3))
{
    Console.Error.WriteLine("usage: Clientele.Visitors.Bench sift <sift5k folder> [repeat] [ef list] | synthetic <count> <folder> [repeat] [ef list]");
    return 2;
}
var rest = args[0] == "sift" ? args[2..] : args[3..];
var repeat = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 50;
var widths = (rest.Length > 1 ? rest[1] : "10,20,40,80,160").Split(',').Select(value => int.Parse(value, CultureInfo.InvariantCulture)).ToArray();
var setups = args[0] == "sift"
    ? [("split", Sift5k.Read(args[1])), ("ood", Sift5k.ReadOutOfDistribution(args[1]))]
    : new[] { ($"synthetic {args[1]}", SyntheticSet.Write(int.Parse(args[1], CultureInfo.InvariantCulture), args[2])) };

foreach (var (setup, data) in setups)
{
    var build = Stopwatch.StartNew();
    using var exact = new ExactIndex(128, capacity: data.Base.Length);
    Load(exact, data.Base);
    Report(setup, "ours exact (SIMD scan)", "-", build.Elapsed.TotalSeconds, exact, data, repeat);

    build.Restart();
    using var hnsw = new HnswIndex(128, parameters: new HnswParameters { M = 16, EfConstruction = 200 }, capacity: data.Base.Length);
    Load(hnsw, data.Base);
    var built = build.Elapsed.TotalSeconds;
    foreach (var width in widths)
    {
        hnsw.EfSearch = width;
        Report(setup, "ours HNSW M=16 efC=200", $"ef={width}", built, hnsw, data, repeat);
    }
}
return 0;

static void Load(IVectorIndex index, float[][] rows)
{
    for (var row = 0; row < rows.Length; row++)
    {
        index.Upsert(row, rows[row]);
    }
}

static void Report(string setup, string engine, string setting, double buildSeconds, IVectorIndex index, Sift5k data, int repeat)
{
    double recall = 0;
    for (var query = 0; query < data.Queries.Length; query++)
    {
        var found = index.Search(data.Queries[query], 10);
        recall += Sift5k.Recall([.. found.Select(neighbor => neighbor.Distance)], MathF.Sqrt(data.TruthSquaredDistances[query][9]), 10);
    }
    // Warm up for half a second first, so tiered compilation has replaced the first, unoptimised code.
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed.TotalSeconds < 0.5)
    {
        foreach (var query in data.Queries)
        {
            index.Search(query, 10);
        }
    }
    clock.Restart();
    for (var pass = 0; pass < repeat; pass++)
    {
        foreach (var query in data.Queries)
        {
            index.Search(query, 10);
        }
    }
    var perSecond = repeat * data.Queries.Length / clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{setup}\t{engine}\t{setting}\t{buildSeconds:F2}\t{perSecond:F0}\t{recall / data.Queries.Length:F3}"));
}
