namespace Clientele.Banking.Offers;

/// <summary>
/// Statistics of the whole client base that relative signals compare a client with: one sorted array of single-precision
/// values per signal (and per product benefit), about 120 bytes per client.
/// </summary>
public sealed class PopulationStats
{
    private readonly IReadOnlyDictionary<string, float[]> sorted;

    internal PopulationStats(IReadOnlyDictionary<string, float[]> sortedValues, int clients)
    {
        sorted = sortedValues;
        Clients = clients;
    }

    /// <summary>An empty population: every positive value counts as the median.</summary>
    public static PopulationStats Empty { get; } = new(new Dictionary<string, float[]>(), 0);

    public int Clients { get; }

    /// <summary>How many signals (and product benefits) the statistics describe.</summary>
    public int Signals => sorted.Count;

    /// <summary>
    /// The statistics as bytes, to store them: per signal its name and at most <paramref name="maxValuesPerSignal"/> values,
    /// evenly spaced order statistics when there are more, so a million clients store about as much as ten thousand and a
    /// percentile moves by at most 1/<paramref name="maxValuesPerSignal"/>.
    /// </summary>
    public byte[] ToBytes(int maxValuesPerSignal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxValuesPerSignal, 2);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(Clients);
            writer.Write(sorted.Count);
            foreach (var (name, values) in sorted.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                var kept = Thin(values, maxValuesPerSignal);
                writer.Write(name);
                writer.Write(kept.Length);
                foreach (var value in kept)
                {
                    writer.Write(value);
                }
            }
        }
        return buffer.ToArray();
    }

    public static PopulationStats FromBytes(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Stored population statistics have format {version}; this version reads {FormatVersion}.");
        }
        var clients = reader.ReadInt32();
        var count = reader.ReadInt32();
        var values = new Dictionary<string, float[]>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            var array = new float[reader.ReadInt32()];
            for (var j = 0; j < array.Length; j++)
            {
                array[j] = reader.ReadSingle();
            }
            values[name] = array;
        }
        return new PopulationStats(values, clients);
    }

    private const int FormatVersion = 1;

    private static float[] Thin(float[] values, int max)
    {
        if (values.Length <= max)
        {
            return values;
        }
        var kept = new float[max];
        for (var i = 0; i < max; i++)
        {
            kept[i] = values[(int)((long)i * (values.Length - 1) / (max - 1))];
        }
        return kept;
    }

    /// <summary>
    /// Mid-rank percentile (0–1) of <paramref name="value"/> among the population's values of <paramref name="signal"/>;
    /// 0 when the value is zero or negative (an absent behaviour is never "typical"), 0.5 for an unknown signal or empty population.
    /// </summary>
    public double Percentile(string signal, double value)
    {
        if (value <= 0 || double.IsNaN(value))
        {
            return 0;
        }
        if (!sorted.TryGetValue(signal, out var values) || values.Length == 0)
        {
            return 0.5;
        }
        var v = (float)value;
        var below = LowerBound(values, v);
        var notAbove = UpperBound(values, v);
        return (below + 0.5 * (notAbove - below)) / values.Length;
    }

    private static int LowerBound(float[] values, float v)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int UpperBound(float[] values, float v)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] <= v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}

/// <summary>
/// Collects population statistics one client at a time, so a batch never holds every client's features. Benefits are
/// computed with <paramref name="settings"/>: pass the engine's settings when they differ from the defaults.
/// </summary>
public sealed class PopulationStatsBuilder(OfferSettings settings)
{
    private readonly Dictionary<string, List<float>> values = new(StringComparer.Ordinal);
    private int clients;

    public PopulationStatsBuilder()
        : this(new OfferSettings())
    {
    }

    public void Add(ClientFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        foreach (var (name, value) in OfferSignals.Of(features).Named())
        {
            Append(name, value);
        }
        foreach (var (product, benefit) in OfferBenefits.Of(features, settings).All)
        {
            Append(OfferBenefits.SignalName(product), (double)benefit);
        }
        clients++;
    }

    public PopulationStats Build() =>
        new(values.ToDictionary(v => v.Key, v =>
        {
            var array = v.Value.ToArray();
            Array.Sort(array);
            return array;
        }, StringComparer.Ordinal), clients);

    private void Append(string name, double value)
    {
        if (!values.TryGetValue(name, out var list))
        {
            values[name] = list = [];
        }
        list.Add((float)value);
    }
}
