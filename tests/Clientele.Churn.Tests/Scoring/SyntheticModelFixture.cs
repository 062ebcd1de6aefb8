using Clientele.Churn.Scoring;

namespace Clientele.Churn.Tests.Scoring;

/// <summary>One training on synthetic customers, shared by the tests of a class.</summary>
public sealed class SyntheticModelFixture
{
    public static readonly TrainingSettings Settings = new() { Trees = 100, Seed = 11 };

    public SyntheticModelFixture()
    {
        Rows = SyntheticChurn.Customers(3000, seed: 7);
        Result = ChurnTrainer.Train(Rows, Settings);
        Model = ChurnModel.Load(Result.Model);
        var heldOut = Stratification.HoldOut(Rows.Select(row => row.Churned).ToList(), Settings.TestFraction, Settings.Seed);
        Test = Rows.Where((_, row) => heldOut[row]).ToList();
    }

    public List<LabelledCustomer> Rows { get; }

    public TrainingResult Result { get; }

    public ChurnModel Model { get; }

    /// <summary>The hold-out rows, rebuilt from the same seed the trainer used.</summary>
    public List<LabelledCustomer> Test { get; }
}
