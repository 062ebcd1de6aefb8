namespace Clientele.Churn.Scoring;

/// <summary>The seven fields the churn API takes and the served model uses.</summary>
public readonly record struct ChurnFeatures(int Age, int Tenure, double Balance, int Products, bool CreditCard, bool Active, double Salary)
{
    /// <summary>API names in API order; <see cref="Value"/> and <see cref="With"/> use the same indices.</summary>
    public static IReadOnlyList<string> Names { get; } = ["age", "tenure", "balance", "products", "credit_card", "active", "salary"];

    public double Value(int index) => index switch
    {
        0 => Age,
        1 => Tenure,
        2 => Balance,
        3 => Products,
        4 => CreditCard ? 1 : 0,
        5 => Active ? 1 : 0,
        6 => Salary,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "There are seven fields."),
    };

    /// <summary>A copy whose field <paramref name="index"/> is taken from <paramref name="source"/>.</summary>
    public ChurnFeatures With(int index, ChurnFeatures source) => index switch
    {
        0 => this with { Age = source.Age },
        1 => this with { Tenure = source.Tenure },
        2 => this with { Balance = source.Balance },
        3 => this with { Products = source.Products },
        4 => this with { CreditCard = source.CreditCard },
        5 => this with { Active = source.Active },
        6 => this with { Salary = source.Salary },
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "There are seven fields."),
    };
}
