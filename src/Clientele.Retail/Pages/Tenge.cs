using System.Globalization;

namespace Clientele.Retail.Pages;

/// <summary>Money as Clustr's shops write it: whole tenge, thousands apart, <c>12 450 ₸</c>.</summary>
public static class Tenge
{
    private static readonly NumberFormatInfo Grouping = new() { NumberGroupSeparator = " ", NegativeSign = "−" };

    public static string Format(decimal amount) => Math.Round(amount, MidpointRounding.AwayFromZero).ToString("#,0", Grouping) + " ₸";

    public static string Format(double amount) => Format((decimal)amount);

    public static string Number(double value, int decimals = 0) => value.ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Grouping);
}
