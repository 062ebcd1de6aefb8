using Clientele.Churn.Scoring;

namespace Clientele.Churn.Tests.Scoring;

/// <summary>The input columns a saved churn model expects, for scoring it with plain ML.NET as a reference.</summary>
public sealed class MlNetRow
{
    public float Age { get; set; }

    public float Tenure { get; set; }

    public float Balance { get; set; }

    public float Products { get; set; }

    public float CreditCard { get; set; }

    public float Active { get; set; }

    public float Salary { get; set; }

    public bool Label { get; set; }

    public static MlNetRow From(ChurnFeatures customer) => new()
    {
        Age = customer.Age,
        Tenure = customer.Tenure,
        Balance = (float)customer.Balance,
        Products = customer.Products,
        CreditCard = customer.CreditCard ? 1 : 0,
        Active = customer.Active ? 1 : 0,
        Salary = (float)customer.Salary,
    };
}

/// <summary>The column plain ML.NET adds when it scores an <see cref="MlNetRow"/>.</summary>
public sealed class MlNetScore
{
    public float Probability { get; set; }
}
