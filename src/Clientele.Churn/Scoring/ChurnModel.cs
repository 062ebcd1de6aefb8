using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;

namespace Clientele.Churn.Scoring;

/// <summary>
/// A trained churn model ready to serve; safe to share between threads. The bytes are an ML.NET model zip with one
/// extra entry, the Shapley background; ML.NET ignores it, so the zip still loads with plain <c>MLContext.Model.Load</c>.
/// </summary>
public sealed class ChurnModel
{
    private const string BackgroundEntry = "Clientele/ShapleyBackground.json";

    private readonly TreeEnsemble ensemble;
    private readonly TreeExplainer explainer;

    private ChurnModel(ITransformer transformer, IReadOnlyList<ChurnFeatures> background)
    {
        ensemble = TreeEnsemble.From(transformer);
        explainer = new TreeExplainer(ensemble, background);
        Background = background;
        BaseScore = background.Average(ensemble.Score);
    }

    /// <summary>The fixed sample that explanations compare a customer with.</summary>
    public IReadOnlyList<ChurnFeatures> Background { get; }

    /// <summary>Mean score over <see cref="Background"/>: where every explanation starts.</summary>
    public double BaseScore { get; }

    public static ChurnModel Load(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        IReadOnlyList<ChurnFeatures> background;
        using (var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read))
        {
            var entry = archive.GetEntry(BackgroundEntry)
                ?? throw new InvalidDataException("The model bytes carry no Shapley background; they were not written by ChurnTrainer.");
            using var stream = entry.Open();
            background = JsonSerializer.Deserialize<ChurnFeatures[]>(stream) ?? [];
        }
        if (background.Count == 0)
        {
            throw new InvalidDataException("The model's Shapley background is empty.");
        }
        using var model = new MemoryStream(bytes, writable: false);
        return new ChurnModel(new MLContext(seed: 0).Model.Load(model, out _), background);
    }

    internal static byte[] Save(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, IReadOnlyList<ChurnFeatures> background)
    {
        using var buffer = new MemoryStream();
        ml.Model.Save(transformer, inputSchema, buffer);
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var stream = archive.CreateEntry(BackgroundEntry, CompressionLevel.Optimal).Open();
            JsonSerializer.Serialize(stream, background.ToArray());
        }
        return buffer.ToArray();
    }

    /// <summary>Churn probability of one customer.</summary>
    public double Score(ChurnFeatures customer) => ensemble.Score(customer);

    /// <summary>Churn probabilities of many customers, in input order.</summary>
    public IReadOnlyList<double> ScoreMany(IReadOnlyList<ChurnFeatures> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return ensemble.ScoreMany(customers);
    }

    /// <summary>Exact interventional Shapley values of the seven fields against <see cref="Background"/>, in API order.</summary>
    public Explanation Explain(ChurnFeatures customer) => explainer.Explain(customer);

    /// <summary>The <paramref name="count"/> fields that move this customer's score most, strongest first.</summary>
    public IReadOnlyList<Factor> TopFactors(ChurnFeatures customer, int count = 3) =>
        Explain(customer).Factors.OrderByDescending(factor => Math.Abs(factor.Contribution)).Take(Math.Max(count, 0)).ToList();
}
