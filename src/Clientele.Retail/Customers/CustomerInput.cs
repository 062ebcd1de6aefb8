using Clientele.Retail.Shared;

namespace Clientele.Retail.Customers;

/// <summary>The body of <c>POST</c> and <c>PUT /api/customers/</c>; also one row of an imported customers.csv.</summary>
public sealed record CustomerInput(
    string FirstName, string LastName, string Gender, int Age, DateOnly Dob, string Email, string Phone, string City,
    string IncomeLevel, string ShoppingPreference, string? CustomerSegment = null)
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 32;
    public const int MaxLabelLength = 100;
    public static readonly IReadOnlyList<string> Genders = ["Male", "Female"];
    public static readonly IReadOnlyList<string> IncomeLevels = ["Low", "Medium", "High", "Premium"];
    public static readonly DateOnly EarliestDob = new(1900, 1, 1);

    /// <summary>The customer to store, or null with the problems added to <paramref name="checks"/>.</summary>
    public Customer? Check(Checks checks, DateOnly today)
    {
        var before = checks.Problems.Count;
        var customer = new Customer
        {
            FirstName = checks.Text("first_name", FirstName, MaxNameLength),
            LastName = checks.Text("last_name", LastName, MaxNameLength),
            Gender = checks.OneOf("gender", Gender, Genders),
            Age = Age,
            Dob = Dob,
            Email = checks.Text("email", Email, MaxEmailLength),
            Phone = checks.Text("phone", Phone, MaxPhoneLength),
            City = checks.Text("city", City, MaxLabelLength),
            IncomeLevel = checks.OneOf("income_level", IncomeLevel, IncomeLevels),
            ShoppingPreference = checks.Text("shopping_preference", ShoppingPreference, MaxLabelLength),
            CustomerSegment = checks.OptionalText("customer_segment", CustomerSegment, MaxLabelLength),
        };
        checks.Range("age", Age, 0, 150);
        checks.Date("dob", Dob, EarliestDob, today);
        if (customer.Email.Length > 0 && !LooksLikeEmail(customer.Email))
        {
            checks.Add("email", "value is not a valid email address: it must have exactly one @ with text on both sides and no spaces");
        }
        return checks.Problems.Count == before ? customer : null;
    }

    private static bool LooksLikeEmail(string email) =>
        email.Count(c => c == '@') == 1 && email.IndexOf('@') is > 0 and var at && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
}
