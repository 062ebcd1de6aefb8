using System.Numerics;

namespace Clientele.Churn.Scoring;

/// <summary>
/// Exact interventional Shapley values over the seven fields: v(S) is the mean score when the fields in S come from
/// the customer and the rest from each background row; all 2^7 coalitions are scored in one batch.
/// </summary>
internal sealed class ShapleyExplainer
{
    private static readonly int FieldCount = ChurnFeatures.Names.Count;
    private static readonly int Everyone = (1 << FieldCount) - 1;
    private static readonly double[] WeightBySize = Enumerable.Range(0, FieldCount)
        .Select(size => Factorial(size) * Factorial(FieldCount - size - 1) / Factorial(FieldCount)).ToArray();

    private readonly Func<IReadOnlyList<ChurnFeatures>, IReadOnlyList<double>> scoreMany;
    private readonly IReadOnlyList<ChurnFeatures> background;

    public ShapleyExplainer(Func<IReadOnlyList<ChurnFeatures>, IReadOnlyList<double>> scoreMany, IReadOnlyList<ChurnFeatures> background)
    {
        this.scoreMany = scoreMany;
        this.background = background;
        var scores = scoreMany(background);
        double sum = 0;
        for (var position = 0; position < background.Count; position++)
        {
            sum += scores[position];
        }
        BaseScore = sum / background.Count;
    }

    public double BaseScore { get; }

    public Explanation Explain(ChurnFeatures customer)
    {
        // Where the customer and a background row agree on a field, coalitions with and without it give the same
        // row; each distinct row is scored once (typically a third of the 128 × background rows).
        var distinct = new Dictionary<ChurnFeatures, int>();
        var rows = new List<ChurnFeatures>();
        var rowOf = new int[(Everyone + 1) * background.Count];
        for (var coalition = 0; coalition <= Everyone; coalition++)
        {
            for (var position = 0; position < background.Count; position++)
            {
                var mixed = Mix(customer, background[position], coalition);
                if (!distinct.TryGetValue(mixed, out var row))
                {
                    row = rows.Count;
                    distinct.Add(mixed, row);
                    rows.Add(mixed);
                }
                rowOf[coalition * background.Count + position] = row;
            }
        }
        var scores = scoreMany(rows);

        var worth = new double[Everyone + 1];
        for (var coalition = 0; coalition <= Everyone; coalition++)
        {
            double sum = 0;
            for (var position = 0; position < background.Count; position++)
            {
                sum += scores[rowOf[coalition * background.Count + position]];
            }
            worth[coalition] = sum / background.Count;
        }

        var factors = new Factor[FieldCount];
        for (var field = 0; field < FieldCount; field++)
        {
            var bit = 1 << field;
            double contribution = 0;
            for (var coalition = 0; coalition <= Everyone; coalition++)
            {
                if ((coalition & bit) == 0)
                {
                    contribution += WeightBySize[BitOperations.PopCount((uint)coalition)] * (worth[coalition | bit] - worth[coalition]);
                }
            }
            factors[field] = new Factor(ChurnFeatures.Names[field], contribution, FactorDescriptions.Describe(field, customer));
        }
        return new Explanation(scores[rowOf[Everyone * background.Count]], worth[0], factors);
    }

    private static ChurnFeatures Mix(ChurnFeatures customer, ChurnFeatures reference, int coalition)
    {
        var mixed = reference;
        for (var field = 0; field < FieldCount; field++)
        {
            if ((coalition & (1 << field)) != 0)
            {
                mixed = mixed.With(field, customer);
            }
        }
        return mixed;
    }

    private static double Factorial(int value) => value <= 1 ? 1 : value * Factorial(value - 1);
}
