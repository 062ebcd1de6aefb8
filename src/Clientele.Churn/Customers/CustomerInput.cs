using System.Net.Mail;
using Clientele.Platform.Errors;

namespace Clientele.Churn.Customers;

/// <summary>
/// The body of create and update: the seed's ten fields, plus the known outcome (<c>churned</c>, <c>churn_date</c>) that makes a
/// customer training data. Every field the model reads is required, as a Django model field without a default is.
/// </summary>
public sealed record CustomerInput(
    string? Name = null, string? Email = null, string? Phone = null, int? Age = null, int? Tenure = null, double? Balance = null, int? Products = null,
    bool? CreditCard = null, bool? Active = null, double? Salary = null, bool? Churned = null, DateOnly? ChurnDate = null)
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 32;
    public const double MaxMoney = 1e12;

    /// <summary>The checked, cleaned fields written onto <paramref name="customer"/>, or the problems (nothing is written then).</summary>
    public IReadOnlyList<FieldError> ApplyTo(ChurnCustomer customer)
    {
        var problems = new List<FieldError>();
        void Add(string field, string message) => problems.Add(new FieldError(["body", field], message));

        var name = Name?.Trim() ?? "";
        if (Name is null) Add("name", Required);
        else if (name.Length == 0) Add("name", "This field may not be blank.");
        else if (name.Length > MaxNameLength) Add("name", $"Ensure this field has no more than {MaxNameLength} characters.");
        else if (name.Any(char.IsControl)) Add("name", "This field may not contain control characters.");

        var email = Email?.Trim().ToLowerInvariant() ?? "";
        if (Email is null) Add("email", Required);
        else if (email.Length > MaxEmailLength || !IsEmail(email)) Add("email", "Enter a valid email address.");

        var phone = Phone?.Trim() ?? "";
        if (phone.Length > MaxPhoneLength) Add("phone", $"Ensure this field has no more than {MaxPhoneLength} characters.");
        else if (phone.Any(c => !char.IsDigit(c) && c is not ('+' or '-' or ' ' or '(' or ')'))) Add("phone", "Enter a valid phone number: digits, spaces, +, -, ( and ).");

        Range("age", Age, 16, 120);
        Range("tenure", Tenure, 0, 100);
        Range("products", Products, 0, 20);
        Money("balance", Balance);
        Money("salary", Salary);
        if (CreditCard is null) Add("credit_card", Required);
        if (Active is null) Add("active", Required);
        if (ChurnDate is not null && Churned == false) Add("churn_date", "A churn date needs churned to be true.");
        if (problems.Count > 0)
        {
            return problems;
        }
        customer.Name = name;
        customer.Email = email;
        customer.Phone = phone;
        customer.Age = Age!.Value;
        customer.Tenure = Tenure!.Value;
        customer.Balance = Balance!.Value;
        customer.Products = Products!.Value;
        customer.CreditCard = CreditCard!.Value;
        customer.Active = Active!.Value;
        customer.Salary = Salary!.Value;
        customer.Churned = Churned ?? (ChurnDate is null ? customer.Churned : true);
        customer.ChurnedOn = customer.Churned == true ? ChurnDate ?? customer.ChurnedOn : null;
        customer.IndexForSearch();
        return problems;

        void Range(string field, int? value, int min, int max)
        {
            if (value is null) Add(field, Required);
            else if (value < min) Add(field, $"Ensure this value is greater than or equal to {min}.");
            else if (value > max) Add(field, $"Ensure this value is less than or equal to {max}.");
        }

        void Money(string field, double? value)
        {
            if (value is null) Add(field, Required);
            else if (!double.IsFinite(value.Value)) Add(field, "A valid number is required.");
            else if (value < 0) Add(field, "Ensure this value is greater than or equal to 0.");
            else if (value > MaxMoney) Add(field, $"Ensure this value is less than or equal to {MaxMoney:0}.");
        }
    }

    public const string Required = "This field is required.";

    private static bool IsEmail(string email) =>
        email.Length > 2 && !email.Any(char.IsWhiteSpace) && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email
        && email.IndexOf('@') is > 0 and var at && email.IndexOf('.', at) > at + 1;
}
