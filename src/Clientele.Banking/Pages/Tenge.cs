using System.Globalization;

namespace Clientele.Banking.Pages;

/// <summary>Money as the bank's people write it: whole tenge, thousands apart, <c>143 945 ₸</c>.</summary>
public static class Tenge
{
    private static readonly NumberFormatInfo Grouping = new() { NumberGroupSeparator = " ", NegativeSign = "−" };

    public static string Format(decimal amount) => Math.Round(amount, MidpointRounding.AwayFromZero).ToString("#,0", Grouping) + " ₸";

    public static string Format(double amount) => Format((decimal)amount);
}
