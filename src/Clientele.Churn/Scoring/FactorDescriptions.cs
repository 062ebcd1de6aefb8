namespace Clientele.Churn.Scoring;

/// <summary>A field's value as a relationship manager would say it.</summary>
public static class FactorDescriptions
{
    public static string Describe(int field, ChurnFeatures customer) => field switch
    {
        0 => customer.Age switch
        {
            < 30 => "age under 30",
            < 45 => "age 30–44",
            <= 60 => "age 45–60",
            _ => "age over 60",
        },
        1 => customer.Tenure switch
        {
            <= 1 => "new customer (tenure under 2 years)",
            < 6 => $"tenure {customer.Tenure} years",
            _ => "long-standing customer (6+ years)",
        },
        2 => customer.Balance == 0 ? "zero balance" : "balance " + Band(customer.Balance),
        3 => customer.Products switch
        {
            <= 1 => "1 product",
            2 => "2 products",
            _ => "3+ products",
        },
        4 => customer.CreditCard ? "has a credit card" : "no credit card",
        5 => customer.Active ? "active member" : "inactive member",
        6 => "salary " + Band(customer.Salary),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "There are seven fields."),
    };

    private static string Band(double amount) => amount switch
    {
        < 50_000 => "under 50k",
        < 100_000 => "50k–100k",
        < 150_000 => "100k–150k",
        _ => "150k+",
    };
}
