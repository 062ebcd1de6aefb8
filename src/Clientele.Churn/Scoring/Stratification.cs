namespace Clientele.Churn.Scoring;

/// <summary>Seeded stratified splits: each class is shuffled on its own, so every part keeps the overall churn rate.</summary>
public static class Stratification
{
    /// <summary>Fold (0..folds-1) of each row: per class, shuffled, then dealt round-robin.</summary>
    public static int[] Folds(IReadOnlyList<bool> labels, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var assignment = new int[labels.Count];
        var random = new Random(seed);
        var dealt = 0;
        foreach (var members in ByClass(labels, random))
        {
            foreach (var row in members)
            {
                assignment[row] = dealt++ % folds;
            }
        }
        return assignment;
    }

    /// <summary>True for the rows held out: round(share × class size) of each class.</summary>
    public static bool[] HoldOut(IReadOnlyList<bool> labels, double share, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var heldOut = new bool[labels.Count];
        var random = new Random(seed);
        foreach (var members in ByClass(labels, random))
        {
            var take = (int)Math.Round(members.Length * share, MidpointRounding.AwayFromZero);
            foreach (var row in members.Take(take))
            {
                heldOut[row] = true;
            }
        }
        return heldOut;
    }

    private static IEnumerable<int[]> ByClass(IReadOnlyList<bool> labels, Random random)
    {
        foreach (var label in new[] { true, false })
        {
            var members = Enumerable.Range(0, labels.Count).Where(row => labels[row] == label).ToArray();
            random.Shuffle(members);
            yield return members;
        }
    }
}
