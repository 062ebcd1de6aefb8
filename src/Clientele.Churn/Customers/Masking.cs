namespace Clientele.Churn.Customers;

/// <summary>E-mail and phone as a user without the PII permission sees them: enough to recognise, not enough to contact.</summary>
public static class Masking
{
    public static string Email(string email)
    {
        var at = email.IndexOf('@');
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }

    public static string Phone(string phone)
    {
        var digits = phone.Count(char.IsDigit);
        if (digits <= 2)
        {
            return phone.Length == 0 ? "" : "***";
        }
        var kept = 0;
        var masked = phone.Reverse().Select(c => !char.IsDigit(c) ? c : kept++ < 2 ? c : '*').Reverse();
        return new string(masked.ToArray());
    }
}
